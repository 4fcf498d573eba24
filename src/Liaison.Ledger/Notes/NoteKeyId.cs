using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Liaison.Ledger.Notes;

/// <summary>Key IDs per C2SP signed-note: the first four bytes (big-endian) of SHA-256(name || 0x0A || type || public key).</summary>
public static class NoteKeyId
{
    public static uint Compute(string name, NoteKeyType type, ReadOnlySpan<byte> publicKey)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[nameBytes.Length + 2 + publicKey.Length];
        nameBytes.CopyTo(input, 0);
        input[nameBytes.Length] = 0x0A;
        input[nameBytes.Length + 1] = (byte)type;
        publicKey.CopyTo(input.AsSpan(nameBytes.Length + 2));
        return BinaryPrimitives.ReadUInt32BigEndian(SHA256.HashData(input));
    }

    /// <summary>Key names are non-empty and contain no Unicode space and no '+'.</summary>
    public static bool IsValidName(string name) =>
        name.Length > 0 && !name.Any(c => char.IsWhiteSpace(c) || c == '+' || char.IsControl(c));
}
