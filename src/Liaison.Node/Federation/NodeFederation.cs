using Liaison.Exchange;
using Liaison.Exchange.Envelopes;
using Liaison.Exchange.Identity;
using Liaison.Exchange.Peers;
using Liaison.Matching.Psi;
using Liaison.Storage.Nodes;

namespace Liaison.Node.Federation;

/// <summary>
/// What a node needs to talk to its peers, loaded once: its exchange identity (keys in
/// <c>D/keys/</c>, decrypted with the passphrase from the environment), its peers (<c>D/peers/</c>,
/// read on each use so <c>liaison peer add</c> takes effect without a restart), the envelope sealer
/// and opener, the replay cache, the PSI budget every peer is charged against, and one HTTP client.
/// A node without an identity still runs; its federation endpoints answer 503 with <see cref="UnavailableReason"/>.
/// </summary>
public sealed class NodeFederation : IDisposable
{
    private readonly NodeIdentity? _identity;
    private readonly EnvelopeSealer? _sealer;
    private readonly EnvelopeOpener? _opener;

    private NodeFederation(NodeConfig node, NodeIdentity? identity, string? unavailableReason, TimeProvider clock,
        ExchangeOptions exchange, PsiBudgetOptions budget, HttpMessageHandler? handler, IMessageReplayFilter? replay)
    {
        Node = node;
        _identity = identity;
        UnavailableReason = unavailableReason;
        Clock = clock;
        Options = exchange;
        Peers = new FilePeerDirectory(node.Directory);
        ReplayCache = replay ?? new InMemoryReplayCache(clock, exchange.ClockSkew);
        Budget = new PsiBudget(budget, clock);
        Http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        Http.Timeout = TimeSpan.FromSeconds(100);
        if (identity is not null)
        {
            _sealer = new EnvelopeSealer(identity, clock, exchange);
            _opener = new EnvelopeOpener(identity, Peers, ReplayCache, clock, exchange);
        }
    }

    public NodeConfig Node { get; }
    public TimeProvider Clock { get; }
    public ExchangeOptions Options { get; }
    public IPeerDirectory Peers { get; }
    /// <summary>Ids of accepted hit/no-hit and linkage messages: in the database when the server opened this, else in memory.</summary>
    public IMessageReplayFilter ReplayCache { get; }

    /// <summary>Per-peer allowance of identifiers this node evaluates as a holder (in memory: a restart resets it).</summary>
    public PsiBudget Budget { get; }

    public HttpClient Http { get; }

    public bool IsAvailable => _identity is not null;

    /// <summary>Why the node cannot federate, in words an operator can act on; null when it can.</summary>
    public string? UnavailableReason { get; }

    public NodeIdentity Identity => _identity ?? throw new FederationUnavailableException(UnavailableReason!);

    public EnvelopeSealer Sealer => _sealer ?? throw new FederationUnavailableException(UnavailableReason!);

    public EnvelopeOpener Opener => _opener ?? throw new FederationUnavailableException(UnavailableReason!);

    /// <summary>
    /// Loads the node's exchange identity if its folder has one. A missing identity, a missing or wrong
    /// passphrase, or an identity made for another node id or jurisdiction leaves the node running
    /// without federation, with the reason.
    /// </summary>
    /// <param name="passphrase">Null: from LIAISON_KEY_PASSPHRASE or LIAISON_KEY_PASSPHRASE_FILE.</param>
    /// <param name="handler">The HTTP handler for calls to peers (tests, proxies); null for the default.</param>
    /// <param name="replay">The replay filter; null for one in memory (the server passes <see cref="DurableReplayCache"/>).</param>
    public static NodeFederation Open(NodeConfig node, TimeProvider clock, KeyPassphrase? passphrase = null, ExchangeOptions? exchange = null,
        PsiBudgetOptions? budget = null, HttpMessageHandler? handler = null, IMessageReplayFilter? replay = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(clock);
        exchange ??= new ExchangeOptions();
        budget ??= new PsiBudgetOptions();
        var (identity, reason) = LoadIdentity(node, clock, passphrase);
        return new NodeFederation(node, identity, reason, clock, exchange, budget, handler, replay);
    }

    private static (NodeIdentity?, string?) LoadIdentity(NodeConfig node, TimeProvider clock, KeyPassphrase? passphrase)
    {
        if (!NodeIdentity.Exists(node.Directory))
        {
            return (null, $"this node has no exchange identity: run 'liaison keys init --dir {node.Directory} --node-id {node.NodeId} "
                          + $"--agency \"{node.Agency}\" --jurisdiction {node.Jurisdiction} --endpoint URL', then restart it");
        }
        NodeIdentity identity;
        try
        {
            identity = NodeIdentity.Load(node.Directory, passphrase ?? KeyPassphrase.FromEnvironment(), clock);
        }
        catch (KeyStoreException e)
        {
            return (null, "the node's exchange keys could not be loaded: " + e.Message);
        }
        // Peers decide on the node id and jurisdiction of the descriptor; the policy here decides on
        // those of node.json. If they differed, each side would apply the law of a different country.
        if (!string.Equals(identity.NodeId, node.NodeId, StringComparison.Ordinal)
            || !string.Equals(identity.Profile.Jurisdiction, node.Jurisdiction, StringComparison.Ordinal))
        {
            var mismatch = $"the exchange identity is for node '{identity.NodeId}' ({identity.Profile.Jurisdiction}) "
                           + $"but node.json says '{node.NodeId}' ({node.Jurisdiction})";
            identity.Dispose();
            return (null, mismatch);
        }
        return (identity, null);
    }

    /// <summary>The peer, or a <see cref="HitNoHitException"/> saying it is not one.</summary>
    public async Task<Peer> PeerAsync(string nodeId, CancellationToken ct)
    {
        Peer? peer = null;
        try
        {
            peer = await Peers.FindAsync(nodeId, ct);
        }
        catch (ArgumentException)
        {
            // Not a node id at all: the same answer as an unknown one.
        }
        return peer ?? throw new HitNoHitException(HitNoHitFailure.UnknownPeer, nodeId, $"'{nodeId}' is not a peer of this node (liaison peer list)");
    }

    public void Dispose()
    {
        Http.Dispose();
        _identity?.Dispose();
    }
}
