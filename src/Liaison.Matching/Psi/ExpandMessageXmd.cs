using System.Security.Cryptography;

namespace Liaison.Matching.Psi;

/// <summary>
/// expand_message_xmd with SHA-512 (RFC 9380 §5.3.1): stretches a message into uniformly random bytes
/// under a domain separation tag. This is the first half of hash-to-ristretto255 (RFC 9380 §6 / RFC 9496 §4.3.4).
/// </summary>
internal static class ExpandMessageXmd
{
    private const int HashBytes = 64;   // b_in_bytes for SHA-512
    private const int BlockBytes = 128; // s_in_bytes for SHA-512

    public static void Sha512(ReadOnlySpan<byte> message, ReadOnlySpan<byte> dst, Span<byte> output)
    {
        var length = output.Length;
        var ell = (length + HashBytes - 1) / HashBytes;
        if (ell > 255 || length > 65535 || dst.Length > 255)
        {
            throw new ArgumentOutOfRangeException(nameof(output), "expand_message_xmd: requested length or DST too long");
        }
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA512);
        Span<byte> zeroPad = stackalloc byte[BlockBytes];
        zeroPad.Clear();
        Span<byte> lengthAndZero = [(byte)(length >> 8), (byte)length, 0];
        Span<byte> dstLength = [(byte)dst.Length];

        // b_0 = H(Z_pad || msg || l_i_b_str || I2OSP(0, 1) || DST_prime)
        h.AppendData(zeroPad);
        h.AppendData(message);
        h.AppendData(lengthAndZero);
        h.AppendData(dst);
        h.AppendData(dstLength);
        Span<byte> b0 = stackalloc byte[HashBytes];
        h.GetHashAndReset(b0);

        // b_1 = H(b_0 || I2OSP(1, 1) || DST_prime); b_i = H(strxor(b_0, b_(i-1)) || I2OSP(i, 1) || DST_prime)
        Span<byte> bi = stackalloc byte[HashBytes];
        Span<byte> mixed = stackalloc byte[HashBytes];
        Span<byte> counter = stackalloc byte[1];
        for (var i = 1; i <= ell; i++)
        {
            if (i == 1)
            {
                b0.CopyTo(mixed);
            }
            else
            {
                for (var j = 0; j < HashBytes; j++)
                {
                    mixed[j] = (byte)(b0[j] ^ bi[j]);
                }
            }
            counter[0] = (byte)i;
            h.AppendData(mixed);
            h.AppendData(counter);
            h.AppendData(dst);
            h.AppendData(dstLength);
            h.GetHashAndReset(bi);
            var offset = (i - 1) * HashBytes;
            bi[..Math.Min(HashBytes, length - offset)].CopyTo(output[offset..]);
        }
    }
}
