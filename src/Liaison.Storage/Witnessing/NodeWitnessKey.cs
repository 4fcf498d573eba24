using Liaison.Ledger.Notes;
using Liaison.Storage.Nodes;

namespace Liaison.Storage.Witnessing;

/// <summary>
/// The key this node cosigns its peers' checkpoints with (<c>keys/witness.key</c>, a C2SP
/// <c>cosignature/v1</c> Ed25519 key named <c>&lt;node id&gt;.liaison/witness</c>). Kept apart from the
/// ledger key so that a cosignature can never be mistaken for, or replayed as, a checkpoint signature.
/// </summary>
public static class NodeWitnessKey
{
    public const string KeyFile = "witness.key";

    public static string NameOf(NodeConfig node) => NameOf(node?.NodeId ?? throw new ArgumentNullException(nameof(node)));

    /// <summary>The witness key name of the node with id <paramref name="nodeId"/>.</summary>
    public static string NameOf(string nodeId) => $"{nodeId}.liaison/witness";

    /// <summary>Loads the key, creating it with owner-only permissions on first use.</summary>
    public static NoteSigningKey LoadOrCreate(NodeConfig node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var folder = Path.Combine(node.Directory, "keys");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, KeyFile);
        if (File.Exists(path))
        {
            return NoteSigningKey.Parse(File.ReadAllText(path).Trim());
        }
        var key = NoteSigningKey.Generate(NameOf(node), NoteKeyType.CosignatureV1);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var writer = new StreamWriter(path, options))
        {
            writer.Write(key.ToPrivateString());
        }
        File.WriteAllText(Path.Combine(folder, "witness.vkey"), key.VerifierKey + "\n");
        return key;
    }
}
