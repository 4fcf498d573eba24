using System.Security.Cryptography;
using System.Text;

namespace Liaison.Node.Federation.Linkage;

/// <summary>
/// The references a participant sends to the hub instead of its record ids: HMAC-SHA256 under a key
/// that never leaves the node (<c>D/linkage/opaque-refs.key</c>, made on first use), of the run name and
/// the record id. Different per run, so two runs cannot be joined on them; the node maps them back by
/// recomputing them for the case's records.
/// </summary>
internal sealed class OpaqueRefs
{
    private readonly byte[] _key;

    private OpaqueRefs(byte[] key) => _key = key;

    public static OpaqueRefs Load(string nodeDirectory)
    {
        var path = Path.Combine(nodeDirectory, "linkage", "opaque-refs.key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var fresh = RandomNumberGenerator.GetBytes(32);
            try
            {
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                file.Write(fresh);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another request made it first: use theirs.
            }
        }
        return new OpaqueRefs(File.ReadAllBytes(path));
    }

    public string For(string run, string recordId)
    {
        var mac = HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(run + "\n" + recordId));
        return "r-" + Convert.ToHexStringLower(mac.AsSpan(0, 12));
    }
}
