using System.Security.Cryptography;
using System.Text;

namespace Liaison.Matching.Psi;

/// <summary>
/// The RFC 9497 OPRF suite ristretto255-SHA512, the building block of the PSI: the querier blinds
/// <c>r·H(x)</c>, the holder multiplies by its key <c>k</c>, the querier unblinds to <c>k·H(x)</c> and
/// finalises <c>SHA-512(len(x) ‖ x ‖ len(N) ‖ N ‖ "Finalize")</c>. Checked against the RFC's vectors.
/// </summary>
internal sealed class OprfRistretto255Sha512
{
    public const string Identifier = "ristretto255-SHA512";
    public const int OutputBytes = 64;

    private static readonly byte[] FinalizeLabel = "Finalize"u8.ToArray();

    /// <summary>The suite in base mode (0, plain OPRF), the one the PSI uses.</summary>
    public static OprfRistretto255Sha512 Base { get; } = new(0);

    public OprfRistretto255Sha512(byte mode)
    {
        Mode = mode;
        // contextString = "OPRFV1-" || I2OSP(mode, 1) || "-" || identifier (RFC 9497 §3.1)
        ContextString = [.. "OPRFV1-"u8, mode, .. "-"u8, .. Encoding.ASCII.GetBytes(Identifier)];
        HashToGroupDst = [.. "HashToGroup-"u8, .. ContextString];
        DeriveKeyPairDst = [.. "DeriveKeyPair"u8, .. ContextString];
    }

    public byte Mode { get; }

    public byte[] ContextString { get; }

    /// <summary>"HashToGroup-OPRFV1-\0-ristretto255-SHA512" in base mode.</summary>
    public byte[] HashToGroupDst { get; }

    public byte[] DeriveKeyPairDst { get; }

    public void HashToGroup(ReadOnlySpan<byte> input, Span<byte> element) =>
        Ristretto255.HashToGroup(input, HashToGroupDst, element);

    /// <summary>blindedElement = blind · HashToGroup(input).</summary>
    public void Blind(ReadOnlySpan<byte> input, ReadOnlySpan<byte> blind, Span<byte> blindedElement)
    {
        Span<byte> point = stackalloc byte[Ristretto255.ElementBytes];
        HashToGroup(input, point);
        MultiplyOrThrow(blind, point, blindedElement);
    }

    /// <summary>evaluatedElement = key · blindedElement; rejects non-canonical elements and the identity.</summary>
    /// <remarks>
    /// No separate validity check: crypto_scalarmult_ristretto255 decodes with the RFC 9496 canonical decoder
    /// and fails on an invalid encoding or an identity product, so a prior is_valid_point call (4 µs, 8 % of
    /// an evaluation) only repeated the decode.
    /// </remarks>
    public static bool TryBlindEvaluate(ReadOnlySpan<byte> key, ReadOnlySpan<byte> blindedElement, Span<byte> evaluatedElement) =>
        blindedElement.Length == Ristretto255.ElementBytes && Ristretto255.TryMultiply(key, blindedElement, evaluatedElement);

    /// <summary>The OPRF output from an already unblinded element N = key · H(input).</summary>
    public static void FinalizeUnblinded(ReadOnlySpan<byte> input, ReadOnlySpan<byte> unblindedElement, Span<byte> output)
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
        Span<byte> length = stackalloc byte[2];
        length[0] = (byte)(input.Length >> 8);
        length[1] = (byte)input.Length;
        h.AppendData(length);
        h.AppendData(input);
        length[0] = 0;
        length[1] = Ristretto255.ElementBytes;
        h.AppendData(length);
        h.AppendData(unblindedElement);
        h.AppendData(FinalizeLabel);
        h.GetHashAndReset(output);
    }

    /// <summary>Finalize(input, blind, evaluatedElement) of RFC 9497 §3.3.1.</summary>
    public static void Finalize(ReadOnlySpan<byte> input, ReadOnlySpan<byte> blind, ReadOnlySpan<byte> evaluatedElement, Span<byte> output)
    {
        var inverse = Ristretto255.Invert(blind);
        Span<byte> unblinded = stackalloc byte[Ristretto255.ElementBytes];
        MultiplyOrThrow(inverse, evaluatedElement, unblinded);
        CryptographicOperations.ZeroMemory(inverse);
        FinalizeUnblinded(input, unblinded, output);
    }

    /// <summary>The holder's direct evaluation of its own input: Finalize(input, key · H(input)).</summary>
    public void Evaluate(ReadOnlySpan<byte> key, ReadOnlySpan<byte> input, Span<byte> output)
    {
        Span<byte> point = stackalloc byte[Ristretto255.ElementBytes];
        Span<byte> evaluated = stackalloc byte[Ristretto255.ElementBytes];
        HashToGroup(input, point);
        MultiplyOrThrow(key, point, evaluated);
        FinalizeUnblinded(input, evaluated, output);
    }

    /// <summary>DeriveKeyPair(seed, info) of RFC 9497 §3.2.1 (deterministic keys; the PSI itself uses fresh random keys).</summary>
    public byte[] DeriveKey(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> info)
    {
        byte[] deriveInput = [.. seed, (byte)(info.Length >> 8), (byte)info.Length, .. info, 0];
        Span<byte> wide = stackalloc byte[64];
        for (var counter = 0; counter < 256; counter++)
        {
            deriveInput[^1] = (byte)counter;
            ExpandMessageXmd.Sha512(deriveInput, DeriveKeyPairDst, wide);
            var key = Ristretto255.ReduceWide(wide);
            if (key.AsSpan().IndexOfAnyExcept((byte)0) >= 0)
            {
                return key;
            }
        }
        throw new CryptographicException("DeriveKeyPair: no non-zero key after 256 attempts");
    }

    private static void MultiplyOrThrow(ReadOnlySpan<byte> scalar, ReadOnlySpan<byte> element, Span<byte> product)
    {
        if (!Ristretto255.TryMultiply(scalar, element, product))
        {
            throw new CryptographicException("ristretto255 scalar multiplication gave the identity or an invalid element");
        }
    }
}
