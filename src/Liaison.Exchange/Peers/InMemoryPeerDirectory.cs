using System.Collections.Concurrent;

namespace Liaison.Exchange.Peers;

/// <summary>Peers in a dictionary: for tests and for the demo's throwaway nodes.</summary>
public sealed class InMemoryPeerDirectory : IPeerDirectory
{
    private readonly ConcurrentDictionary<string, Peer> _peers = new(StringComparer.Ordinal);

    public Task<Peer?> FindAsync(string nodeId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_peers.GetValueOrDefault(nodeId));

    public Task<IReadOnlyList<Peer>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<Peer>>(_peers.Values.OrderBy(p => p.NodeId, StringComparer.Ordinal).ToList());

    public Task SaveAsync(Peer peer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(peer);
        _peers[peer.NodeId] = peer;
        return Task.CompletedTask;
    }

    public Task<bool> RemoveAsync(string nodeId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_peers.TryRemove(nodeId, out _));
}
