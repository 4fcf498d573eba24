using Liaison.Ledger.Appending;
using Liaison.Ledger.Checkpoints;
using Liaison.Ledger.Entries;
using Liaison.Ledger.Notes;
using Liaison.Storage.Nodes;

namespace Liaison.Storage.Ledger;

/// <summary>
/// A node's tamper-evident ledger: its signing key (<c>keys/ledger.key</c>), the single sequencer over
/// the database store, a batching appender and the checkpointer. The server holds one for its
/// lifetime; CLI commands open one, append, sign a checkpoint and close it.
/// </summary>
public sealed class NodeLedger : IAsyncDisposable
{
    public const string KeyFile = "ledger.key";

    private readonly LedgerAppender _appender;
    private readonly Checkpointer _checkpointer;

    private NodeLedger(NodeConfig node, NoteSigningKey key, DbLedgerStore store, LedgerSequencer sequencer, Checkpointer checkpointer)
    {
        Node = node;
        Key = key;
        Store = store;
        Sequencer = sequencer;
        _checkpointer = checkpointer;
        _appender = new LedgerAppender(sequencer);
    }

    public NodeConfig Node { get; }
    public NoteSigningKey Key { get; }
    public DbLedgerStore Store { get; }
    public LedgerSequencer Sequencer { get; }
    public NoteVerifierKey VerifierKey => Key.VerifierKey;

    /// <summary>The log's origin line, e.g. "gb-nca.liaison/ledger".</summary>
    public static string OriginOf(NodeConfig node) => OriginOf(node?.NodeId ?? throw new ArgumentNullException(nameof(node)));

    /// <summary>The log origin of the node with id <paramref name="nodeId"/>: what its peers expect its checkpoints to name.</summary>
    public static string OriginOf(string nodeId) => $"{nodeId}.liaison/ledger";

    public static async Task<NodeLedger> OpenAsync(NodeConfig node, TimeProvider clock, CheckpointPolicy? policy = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(node);
        var key = LoadOrCreateKey(node);
        var store = new DbLedgerStore(node);
        var sequencer = await LedgerSequencer.OpenAsync(store, key.VerifierKey, ct);
        var checkpointer = new Checkpointer(sequencer, store, key, policy ?? new CheckpointPolicy(), clock);
        await checkpointer.StartAsync(ct);
        return new NodeLedger(node, key, store, sequencer, checkpointer);
    }

    /// <summary>Appends one event (batched with concurrent ones); returns once it is durable, with its index.</summary>
    public ValueTask<long> AppendAsync(LedgerEvent e, CancellationToken ct = default) => _appender.AppendAsync(e, ct);

    /// <summary>Signs a checkpoint over everything appended so far (CLI commands call this before exiting).</summary>
    public Task<SignedCheckpoint> CheckpointNowAsync(CancellationToken ct = default) => _checkpointer.IssueNowAsync(ct);

    /// <summary>The node's published ledger verifier key (<c>keys/ledger.vkey</c>), without loading the private key.</summary>
    public static NoteVerifierKey ReadVerifierKey(NodeConfig node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var path = Path.Combine(node.Directory, "keys", "ledger.vkey");
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{path} is missing: the node has no ledger yet (start it or import once)");
        }
        return NoteVerifierKey.Parse(File.ReadAllText(path).Trim());
    }

    /// <summary>
    /// The ledger key, created on first use with owner-only permissions. It signs checkpoints; its
    /// public half (<see cref="VerifierKey"/>) is what agencies and oversight bodies pin.
    /// </summary>
    private static NoteSigningKey LoadOrCreateKey(NodeConfig node)
    {
        var folder = Path.Combine(node.Directory, "keys");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, KeyFile);
        if (File.Exists(path))
        {
            return NoteSigningKey.Parse(File.ReadAllText(path).Trim());
        }
        var key = NoteSigningKey.Generate(OriginOf(node));
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var writer = new StreamWriter(path, options))
        {
            writer.Write(key.ToPrivateString());
        }
        File.WriteAllText(Path.Combine(folder, "ledger.vkey"), key.VerifierKey + "\n");
        return key;
    }

    public async ValueTask DisposeAsync()
    {
        await _appender.DisposeAsync();
        await _checkpointer.DisposeAsync();
        Sequencer.Dispose();
        Key.Dispose();
    }
}
