namespace Liaison.Exchange.Peers;

/// <summary>
/// Where peers are kept. Implementations only store: the rules for what may be stored are in
/// <see cref="PeerOnboarding"/>, so every store enforces the same ones. Implemented here in memory
/// and as files (<c>&lt;data&gt;/peers/</c>); Storage implements it on the database.
/// </summary>
public interface IPeerDirectory
{
    Task<Peer?> FindAsync(string nodeId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Peer>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces the peer with the same node id.</summary>
    Task SaveAsync(Peer peer, CancellationToken cancellationToken = default);

    /// <summary>Removes the peer; false if there was none.</summary>
    Task<bool> RemoveAsync(string nodeId, CancellationToken cancellationToken = default);
}
