using System.Security.Cryptography;
using System.Text;

namespace Liaison.Core.Identity;

/// <summary>
/// Comparisons of secrets whose running time does not depend on where they first differ, so an
/// attacker timing responses cannot recover a token or hash byte by byte.
/// </summary>
public static class FixedTime
{
    public static bool Equals(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right) => CryptographicOperations.FixedTimeEquals(left, right);

    /// <summary>
    /// Compares two strings in fixed time. Both are hashed first so that even their lengths do not
    /// show in the timing.
    /// </summary>
    public static bool EqualsText(string left, string right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(left)), SHA256.HashData(Encoding.UTF8.GetBytes(right)));
    }
}
