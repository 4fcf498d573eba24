using Liaison.Exchange.Envelopes;
using Liaison.Storage;
using Liaison.Storage.Federation;
using Liaison.Storage.Nodes;

namespace Liaison.Node.Federation;

/// <summary>
/// The replay filter in the node's database (<c>federation_replay</c>): a restart no longer forgets the
/// ids of the last minutes, and replicas sharing one PostgreSQL refuse a query any of them has answered.
/// Expired ids are deleted by <see cref="FederationJanitor"/>. Each call opens its own short-lived
/// context: the filter is shared by the singleton <see cref="NodeFederation"/>.
/// </summary>
public sealed class DurableReplayCache(NodeConfig node, TimeProvider clock, TimeSpan clockSkew) : IMessageReplayFilter
{
    public async Task<bool> HasSeenAsync(string sender, string messageId, CancellationToken cancellationToken = default)
    {
        await using var db = LiaisonDbFactory.Create(node);
        return await new DbFederationReplay(db).HasSeenAsync(sender, messageId, clock.GetUtcNow(), cancellationToken);
    }

    public async Task<bool> TryRememberAsync(EnvelopeHeader header, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(header);
        await using var db = LiaisonDbFactory.Create(node);
        return await new DbFederationReplay(db).TryRememberAsync(header.Sender, header.MessageId, header.Expires + clockSkew, ct);
    }
}
