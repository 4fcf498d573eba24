using Liaison.Exchange.Delivery;
using Liaison.Exchange.Envelopes;

namespace Liaison.Node.Exchange;

/// <summary>
/// Hands each received message to the one <see cref="IInboundMessageHandler"/> registered for its
/// type. Runs as the effect of <see cref="MessageReceiver.ReceiveAsync"/>, i.e. inside the inbox's
/// transaction. A type nobody handles is refused for good (<see cref="MessageRefusedException"/>):
/// retrying would not teach this node a new type. Once the inbox has committed (or rolled back) every
/// message of an envelope, <see cref="CommittedAsync"/> has the ledger entries the handlers owed
/// (<see cref="InboundJournal"/>) journalled — after the commit, never inside it.
/// </summary>
public sealed class InboundDispatcher
{
    private readonly Dictionary<string, IInboundMessageHandler> _byType = new(StringComparer.Ordinal);
    private readonly InboundJournal? _owed;
    private readonly InboundJournalWriter? _journal;

    public InboundDispatcher(IEnumerable<IInboundMessageHandler> handlers, InboundJournal? owed = null, InboundJournalWriter? journal = null)
    {
        ArgumentNullException.ThrowIfNull(handlers);
        _owed = owed;
        _journal = journal;
        foreach (var handler in handlers)
        {
            foreach (var type in handler.MessageTypes)
            {
                if (!_byType.TryAdd(type, handler))
                {
                    throw new InvalidOperationException(
                        $"message type '{type}' has two handlers: {_byType[type].GetType().Name} and {handler.GetType().Name}");
                }
            }
        }
    }

    /// <summary>The message types this node acts on.</summary>
    public IReadOnlyCollection<string> MessageTypes => _byType.Keys;

    public Task DispatchAsync(OpenedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var h = message.Header;
        if (!_byType.TryGetValue(h.Type, out var handler))
        {
            throw new MessageRefusedException($"message type '{h.Type}' is not handled by this node");
        }
        return handler.HandleAsync(
            new InboundMessage(h.Sender, h.MessageId, h.Type, h.CaseReference, h.Handling, h.Tlp, h.Created, h.Expires, message.Payload, message.SignerKid),
            cancellationToken);
    }

    /// <summary>
    /// Called by the receiving endpoint after the inbox's transactions are over: journals what the handlers
    /// owed. Waits for it, so that the entries are in the ledger when the sender reads its receipt (and costs
    /// nothing for an envelope whose handlers owed nothing); a failure here does not fail the delivery (the
    /// effect is committed) — the rows stay and the writer's next pass journals them.
    /// </summary>
    public async Task CommittedAsync(CancellationToken cancellationToken)
    {
        if (_journal is null || _owed is not { Owed: > 0 })
        {
            return;
        }
        try
        {
            await _journal.JournalOwedAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _journal.Committed();
        }
    }
}
