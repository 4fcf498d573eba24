namespace Liaison.Exchange.Cases;

/// <summary>
/// A conversation about one case between agencies (SIENA's "case" exchange): its id, the case
/// reference each side files it under, a subject, the participating nodes and the messages so far.
/// </summary>
public sealed class CaseThread(string threadId, string caseReference, string subject, IEnumerable<string> participants)
{
    private readonly List<CaseMessage> _messages = [];

    public string ThreadId { get; } = threadId;
    public string CaseReference { get; } = caseReference;
    public string Subject { get; } = subject;
    public IReadOnlyList<string> Participants { get; } = participants.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    public IReadOnlyList<CaseMessage> Messages => _messages;

    /// <summary>Puts back a message read from storage (a store rebuilding the thread); a message already held is ignored.</summary>
    public void Restore(CaseMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Add(message);
    }

    internal void Add(CaseMessage message)
    {
        if (!_messages.Exists(m => m.MessageId == message.MessageId))
        {
            _messages.Add(message);
            _messages.Sort((a, b) => a.SentAt.CompareTo(b.SentAt));
        }
    }
}
