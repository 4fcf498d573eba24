using System.Text;
using Liaison.Matching.Clk;

namespace Liaison.Node.Federation.Linkage;

/// <summary>
/// Cuts a participant's CLKs into the parts of a chunked upload, each small enough that its sealed
/// envelope stays within the envelope limit. The CLKs' binary form is base64url'd into the JSON payload
/// (base64url, not base64: the JSON writer would escape every '+' as six characters),
/// which the JWS base64url-encodes and the JWE once more: about (4/3)³ ≈ 2.37 bytes on the wire per byte
/// of CLK, so a part holds at most 3/8 of the limit (less a margin for the headers) in binary.
/// </summary>
public static class UploadParts
{
    /// <summary>What the envelope, the JWS, the JWE and the part's JSON fields take beyond the CLKs.</summary>
    private const int Overhead = 16 * 1024;

    public static IReadOnlyList<LinkageUploadPart> Split(string run, string[] participants, string schemaFingerprint, int filterBits,
        IReadOnlyList<ClkRecord> records, int maxEnvelopeBytes)
    {
        ArgumentNullException.ThrowIfNull(records);
        var words = filterBits / 64;
        var budget = (long)(maxEnvelopeBytes - Overhead) * 3 / 8;
        var chunks = new List<ClkRecord[]>();
        var current = new List<ClkRecord>();
        long size = 9; // version byte, count, words
        foreach (var r in records)
        {
            var bytes = Encoding.UTF8.GetByteCount(r.Id) + 5 + words * 8 + 4 + (r.BlockKeys?.Length ?? 0) * 8;
            if (9 + bytes > budget)
            {
                throw new ArgumentOutOfRangeException(nameof(maxEnvelopeBytes), maxEnvelopeBytes,
                    $"an envelope limit of {maxEnvelopeBytes} bytes cannot carry even one CLK of {bytes} bytes; raise Exchange__MaxEnvelopeBytes");
            }
            if (size + bytes > budget)
            {
                chunks.Add([.. current]);
                current.Clear();
                size = 9;
            }
            current.Add(r);
            size += bytes;
        }
        if (current.Count > 0)
        {
            chunks.Add([.. current]);
        }
        var digest = HubBlobs.Digest(HubBlobs.Clks(records, words));
        return [.. chunks.Select((chunk, i) => new LinkageUploadPart(run, participants, schemaFingerprint, filterBits, i + 1, chunks.Count, records.Count, digest,
            System.Buffers.Text.Base64Url.EncodeToString(HubBlobs.Clks(chunk, words))))];
    }
}
