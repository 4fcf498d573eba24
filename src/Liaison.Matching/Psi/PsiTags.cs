using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Liaison.Matching.Psi;

/// <summary>
/// The 16-byte tags that are compared. Intersection mode: the RFC 9497 OPRF output
/// <c>SHA-512(len(x) ‖ x ‖ len(N) ‖ N ‖ "Finalize")</c>, truncated. Cardinality-only mode: the querier no
/// longer knows which input an element belongs to, so the tag hashes the element alone, under its own label.
/// </summary>
internal static class PsiTags
{
    private static readonly byte[] CardinalityLabel = "liaison-psi-v1 cardinality tag"u8.ToArray();

    public static UInt128 Intersection(ReadOnlySpan<byte> input, ReadOnlySpan<byte> unblinded)
    {
        Span<byte> output = stackalloc byte[OprfRistretto255Sha512.OutputBytes];
        OprfRistretto255Sha512.FinalizeUnblinded(input, unblinded, output);
        return BinaryPrimitives.ReadUInt128BigEndian(output);
    }

    public static UInt128 Cardinality(ReadOnlySpan<byte> unblinded)
    {
        Span<byte> buffer = stackalloc byte[CardinalityLabel.Length + Ristretto255.ElementBytes];
        CardinalityLabel.CopyTo(buffer);
        unblinded.CopyTo(buffer[CardinalityLabel.Length..]);
        Span<byte> output = stackalloc byte[64];
        SHA512.HashData(buffer, output);
        return BinaryPrimitives.ReadUInt128BigEndian(output);
    }

    public static UInt128 Read(ReadOnlySpan<byte> tags, int index) =>
        BinaryPrimitives.ReadUInt128BigEndian(tags.Slice(index * PsiSuite.TagBytes, PsiSuite.TagBytes));

    public static void Write(Span<byte> tags, int index, UInt128 tag) =>
        BinaryPrimitives.WriteUInt128BigEndian(tags.Slice(index * PsiSuite.TagBytes, PsiSuite.TagBytes), tag);
}
