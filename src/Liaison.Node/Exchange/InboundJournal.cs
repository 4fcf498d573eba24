using Liaison.Storage;
using Liaison.Storage.Exchange;

namespace Liaison.Node.Exchange;

/// <summary>
/// What a handler owes the ledger for a message it applied. A handler cannot journal inside the inbox
/// transaction (the ledger appends through its own connection and, on SQLite, would wait for the write
/// lock that transaction holds); it calls <see cref="Owe"/> instead, which adds a durable row on the
/// same <see cref="LiaisonDb"/> — committed with the message's effect or rolled back with it. After
/// the commit <see cref="InboundJournalWriter"/> journals each row with <see cref="Audit.AuditJournal"/> as
/// <c>peer:{sender}</c> and deletes it. Scoped: one per received envelope, like the handlers.
/// The sending side owes its own acts the same way (<see cref="OweOwnAct"/>): an entry written after
/// its commit would be lost to a crash between the two.
/// </summary>
public sealed class InboundJournal(LiaisonDb db, TimeProvider clock)
{
    /// <summary>How many entries were owed in this scope (including those of messages rolled back since).</summary>
    public int Owed { get; private set; }

    /// <summary>
    /// Owes one entry for <paramref name="message"/>: <paramref name="action"/> (e.g. <c>case.message-received</c>),
    /// <paramref name="decision"/> (what happened: applied, ignored), the local case, and a
    /// <paramref name="detail"/> of ids only — never personal data.
    /// </summary>
    public void Owe(InboundMessage message, string action, string decision, string? caseId, string detail)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(decision);
        ArgumentNullException.ThrowIfNull(detail);
        Owed++;
        db.Add(new InboundJournalRow
        {
            Sender = message.Sender, MessageId = message.MessageId, Action = action, Decision = decision, CaseId = caseId,
            Detail = $"message {message.MessageId} ({message.Type}): {detail}", QueuedAt = clock.GetUtcNow().ToUniversalTime(),
        });
    }

    /// <summary>
    /// Owes one entry for an act of <paramref name="actor"/> (a local user) on this node's own message
    /// <paramref name="messageId"/>, inside the caller's transaction; journalled once it commits.
    /// </summary>
    public void OweOwnAct(string node, string actor, string messageId, string action, string decision, string? caseId, string detail)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(node);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(messageId);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentNullException.ThrowIfNull(detail);
        Owed++;
        db.Add(new InboundJournalRow
        {
            Sender = node, Actor = actor, MessageId = messageId, Action = action, Decision = decision, CaseId = caseId,
            Detail = detail, QueuedAt = clock.GetUtcNow().ToUniversalTime(),
        });
    }
}
