namespace Liaison.Node.Exchange;

/// <summary>
/// Acts on messages of some types received from peers. Register with
/// <see cref="ExchangeServices.AddInboundMessageHandler{THandler}"/>; handlers are scoped (one per
/// received envelope) and may inject the scoped <see cref="Liaison.Storage.LiaisonDb"/>, journals and
/// the <see cref="Liaison.Exchange.Delivery.Outbox"/> (to answer).
/// <para>
/// Exactly once: <see cref="HandleAsync"/> runs inside the database transaction that also records the
/// message in the inbox. Use the injected <c>LiaisonDb</c> and call <c>SaveChangesAsync</c> as usual,
/// but never begin, commit or roll back a transaction yourself. Returning commits the effect and the
/// inbox row together and the sender gets a signed receipt; a duplicate of the message never reaches
/// the handler again. Throwing <see cref="Liaison.Exchange.Delivery.MessageRefusedException"/> refuses
/// the message for good (nothing is kept; the sender's receipt says <c>Unprocessable</c> and the sender
/// dead-letters it); any other exception rolls everything back and the sender retries later.
/// </para>
/// <para>
/// Journal with <see cref="InboundJournal.Owe"/> (inject the scoped <see cref="InboundJournal"/>), never
/// with <c>AuditJournal</c>: the entry is written as a row in the same transaction and journalled in the
/// ledger after the commit (<see cref="InboundDispatcher.CommittedAsync"/>), so it exists exactly when the
/// effect does and survives a crash between commit and ledger.
/// </para>
/// </summary>
public interface IInboundMessageHandler
{
    /// <summary>The message types this handler acts on. A type may have only one handler (checked at start-up).</summary>
    IReadOnlyCollection<string> MessageTypes { get; }

    /// <summary>Applies one message; see the type's remarks for the transaction rules.</summary>
    Task HandleAsync(InboundMessage message, CancellationToken cancellationToken);
}
