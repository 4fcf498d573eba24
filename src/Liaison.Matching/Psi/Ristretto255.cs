using System.Security.Cryptography;

namespace Liaison.Matching.Psi;

/// <summary>
/// The prime-order group ristretto255 (RFC 9496): hash-to-group per RFC 9380 (expand_message_xmd SHA-512
/// to 64 bytes, then the RFC 9496 one-way map), scalar multiplication, random and inverse scalars.
/// Elements and scalars are 32-byte canonical encodings.
/// </summary>
internal static class Ristretto255
{
    public const int ElementBytes = Sodium.ElementBytes;
    public const int ScalarBytes = Sodium.ScalarBytes;

    static Ristretto255() => Sodium.EnsureInitialised();

    public static void HashToGroup(ReadOnlySpan<byte> message, ReadOnlySpan<byte> dst, Span<byte> element)
    {
        Span<byte> uniform = stackalloc byte[Sodium.HashBytes];
        ExpandMessageXmd.Sha512(message, dst, uniform);
        if (Sodium.crypto_core_ristretto255_from_hash(element[..ElementBytes], uniform) != 0)
        {
            throw new CryptographicException("ristretto255 hash-to-group failed");
        }
    }

    /// <summary>q = n·p. False when p is not a canonical element or the product is the identity.</summary>
    public static bool TryMultiply(ReadOnlySpan<byte> scalar, ReadOnlySpan<byte> element, Span<byte> product) =>
        Sodium.crypto_scalarmult_ristretto255(product[..ElementBytes], scalar[..ScalarBytes], element[..ElementBytes]) == 0;

    /// <summary>A uniformly random non-zero scalar from the operating system's CSPRNG (64 bytes reduced mod ℓ).</summary>
    public static byte[] RandomScalar()
    {
        Span<byte> wide = stackalloc byte[Sodium.NonReducedScalarBytes];
        var scalar = new byte[ScalarBytes];
        do
        {
            RandomNumberGenerator.Fill(wide);
            Sodium.crypto_core_ristretto255_scalar_reduce(scalar, wide);
        }
        while (scalar.AsSpan().IndexOfAnyExcept((byte)0) < 0);
        CryptographicOperations.ZeroMemory(wide);
        return scalar;
    }

    public static byte[] Invert(ReadOnlySpan<byte> scalar)
    {
        var inverse = new byte[ScalarBytes];
        if (Sodium.crypto_core_ristretto255_scalar_invert(inverse, scalar[..ScalarBytes]) != 0)
        {
            throw new CryptographicException("cannot invert the zero scalar");
        }
        return inverse;
    }

    /// <summary>Reduces 64 uniform bytes modulo the group order ℓ (used by RFC 9497 HashToScalar / DeriveKeyPair).</summary>
    public static byte[] ReduceWide(ReadOnlySpan<byte> wide)
    {
        var scalar = new byte[ScalarBytes];
        Sodium.crypto_core_ristretto255_scalar_reduce(scalar, wide[..Sodium.NonReducedScalarBytes]);
        return scalar;
    }
}
