using System.Security.Cryptography;
using Liaison.Core.Policy.Release;
using Liaison.Storage.Nodes;

namespace Liaison.Node.CaseMessaging;

/// <summary>
/// The node's pseudonym secret (<see cref="PseudonymKey"/>), kept in <c>D/keys/pseudonym.key</c>
/// (32 random bytes, owner-only). Made on first use so that every share of a victim to one recipient
/// gets the same pseudonym, across restarts and replicas that share the folder.
/// </summary>
public sealed class NodePseudonymKey(NodeConfig node)
{
    private readonly Lazy<PseudonymKey> _key = new(() => LoadOrCreate(node), LazyThreadSafetyMode.ExecutionAndPublication);

    public PseudonymKey Key => _key.Value;

    private static PseudonymKey LoadOrCreate(NodeConfig node)
    {
        var dir = Path.Combine(node.Directory, "keys");
        var path = Path.Combine(dir, "pseudonym.key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(dir);
            var secret = RandomNumberGenerator.GetBytes(PseudonymKey.MinimumSecretBytes);
            try
            {
                // CreateNew: a replica that made it first wins; we then read its secret below.
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }
                using var file = new FileStream(path, options);
                file.Write(secret);
            }
            catch (IOException) when (File.Exists(path))
            {
            }
        }
        return new PseudonymKey(File.ReadAllBytes(path));
    }
}
