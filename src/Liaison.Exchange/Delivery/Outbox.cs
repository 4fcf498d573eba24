using Liaison.Exchange.Envelopes;
using Liaison.Exchange.Peers;

namespace Liaison.Exchange.Delivery;

/// <summary>
/// Signs a message for a peer and puts it in the outbox. Call it inside the transaction of the
/// business change that the message announces, so both commit or neither does.
/// </summary>
public sealed class Outbox(IOutboxStore store, IPeerDirectory peers, EnvelopeSealer sealer, TimeProvider time)
{
    public async Task<OutboxMessage> EnqueueAsync(OutgoingMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        var peer = await peers.FindAsync(message.Recipient, cancellationToken)
                   ?? throw new MessageTransportException($"{message.Recipient} is not a peer", permanent: true);
        var row = OutboxMessage.For(sealer.Sign(message, peer), time.GetUtcNow());
        await store.AddAsync(row, cancellationToken);
        return row;
    }

    /// <summary>The operator's retry of a dead-lettered message.</summary>
    public Task<bool> RetryAsync(string id, CancellationToken cancellationToken = default) =>
        store.RetryDeadAsync(id, time.GetUtcNow(), cancellationToken);
}
