using System.Security.Cryptography;

namespace Liaison.Ledger.Merkle;

/// <summary>
/// RFC 9162 / RFC 6962 §2.1 hashing: SHA-256 with domain separation, <c>0x00</c> before a leaf and
/// <c>0x01</c> before the two children of an interior node, so a leaf can never pass for a node.
/// </summary>
public static class MerkleHash
{
    /// <summary>Length of every hash in the tree, in bytes.</summary>
    public const int Size = 32;

    private const byte LeafPrefix = 0x00;
    private const byte NodePrefix = 0x01;

    /// <summary>MTH({}) = SHA-256 of the empty string: the root of an empty log.</summary>
    public static byte[] EmptyRoot() => SHA256.HashData([]);

    /// <summary>SHA-256(0x00 || entry).</summary>
    public static byte[] Leaf(ReadOnlySpan<byte> entry)
    {
        var hash = new byte[Size];
        Leaf(entry, hash);
        return hash;
    }

    /// <summary>SHA-256(0x00 || entry) written to <paramref name="destination"/>.</summary>
    public static void Leaf(ReadOnlySpan<byte> entry, Span<byte> destination)
    {
        if (entry.Length <= 4096)
        {
            // One-shot hashing of a stack copy is several times faster than the incremental API
            // for the short canonical entries the ledger holds.
            Span<byte> buffer = stackalloc byte[entry.Length + 1];
            buffer[0] = LeafPrefix;
            entry.CopyTo(buffer[1..]);
            SHA256.HashData(buffer, destination);
            return;
        }
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData([LeafPrefix]);
        sha.AppendData(entry);
        sha.GetHashAndReset(destination);
    }

    /// <summary>SHA-256(0x01 || left || right).</summary>
    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var hash = new byte[Size];
        Node(left, right, hash);
        return hash;
    }

    /// <summary>SHA-256(0x01 || left || right) written to <paramref name="destination"/> (which may alias an input).</summary>
    public static void Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        if (left.Length == Size && right.Length == Size)
        {
            Span<byte> buffer = stackalloc byte[1 + 2 * Size];
            buffer[0] = NodePrefix;
            left.CopyTo(buffer[1..]);
            right.CopyTo(buffer[(1 + Size)..]);
            // A per-thread hash object reused across calls: the one-shot SHA256.HashData creates and
            // frees an OpenSSL digest context on every call, which costs more than hashing 65 bytes.
            var sha = _nodeHasher ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            sha.AppendData(buffer);
            sha.GetHashAndReset(destination);
            return;
        }
        // Proof verification may be handed hashes of the wrong length; hash them faithfully so the
        // result simply fails to match instead of throwing.
        using var odd = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        odd.AppendData([NodePrefix]);
        odd.AppendData(left);
        odd.AppendData(right);
        odd.GetHashAndReset(destination);
    }

    [ThreadStatic]
    private static IncrementalHash? _nodeHasher;
}
