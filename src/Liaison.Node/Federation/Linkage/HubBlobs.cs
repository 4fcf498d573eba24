using System.Text;
using Liaison.Matching.Clk;
using Liaison.Matching.Linkage;

namespace Liaison.Node.Federation.Linkage;

/// <summary>
/// The hub's binary form of what it stores per run: an upload's CLKs (id, filter words, block keys) and
/// a pair's links (two opaque references and a score). Binary rather than JSON because a 100k upload is
/// 100k × 128 bytes of filter; little-endian, length-prefixed UTF-8, with a version byte in front.
/// </summary>
internal static class HubBlobs
{
    private const byte Version = 1;

    public static byte[] Clks(IReadOnlyList<ClkRecord> records, int words)
    {
        using var buffer = new MemoryStream(records.Count * (words * 8 + 24) + 16);
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Version);
            w.Write(records.Count);
            w.Write(words);
            foreach (var r in records)
            {
                w.Write(r.Id);
                foreach (var word in r.Bits)
                {
                    w.Write(word);
                }
                var keys = r.BlockKeys ?? [];
                w.Write(keys.Length);
                foreach (var key in keys)
                {
                    w.Write(key);
                }
            }
        }
        return buffer.ToArray();
    }

    /// <summary>Lower-case hex SHA-256 of <paramref name="blob"/>: a chunked upload's set digest is that of the whole upload's <see cref="Clks"/>.</summary>
    public static string Digest(byte[] blob) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(blob));

    public static ClkRecord[] ReadClks(byte[] blob)
    {
        using var r = Reader(blob);
        var count = r.ReadInt32();
        var words = r.ReadInt32();
        // Also reads what a participant sent (a chunked upload's part): sizes are checked before anything is allocated.
        if (words is < 1 or > 128 || count < 0 || count > (blob.Length - 9) / (words * 8 + 5))
        {
            throw new InvalidDataException($"{count} CLKs of {words} words cannot fit in {blob.Length} bytes");
        }
        var records = new ClkRecord[count];
        for (var i = 0; i < count; i++)
        {
            var id = r.ReadString();
            var bits = new ulong[words];
            for (var j = 0; j < words; j++)
            {
                bits[j] = r.ReadUInt64();
            }
            var keyCount = r.ReadInt32();
            if (keyCount is < 0 or > 64)
            {
                throw new InvalidDataException($"CLK {i} claims {keyCount} block keys");
            }
            var keys = new ulong[keyCount];
            for (var j = 0; j < keys.Length; j++)
            {
                keys[j] = r.ReadUInt64();
            }
            records[i] = new ClkRecord(id, bits, keys);
        }
        return records;
    }

    public static byte[] Links(IReadOnlyList<LinkageMatch> matches)
    {
        using var buffer = new MemoryStream(matches.Count * 32 + 8);
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Version);
            w.Write(matches.Count);
            foreach (var m in matches)
            {
                w.Write(m.AId);
                w.Write(m.BId);
                w.Write(m.Score);
            }
        }
        return buffer.ToArray();
    }

    public static LinkageMatch[] ReadLinks(byte[] blob)
    {
        using var r = Reader(blob);
        var matches = new LinkageMatch[r.ReadInt32()];
        for (var i = 0; i < matches.Length; i++)
        {
            matches[i] = new LinkageMatch(r.ReadString(), r.ReadString(), r.ReadDouble());
        }
        return matches;
    }

    private static BinaryReader Reader(byte[] blob)
    {
        var r = new BinaryReader(new MemoryStream(blob, writable: false), Encoding.UTF8);
        if (r.ReadByte() != Version)
        {
            r.Dispose();
            throw new InvalidDataException("a linkage hub blob of an unknown version");
        }
        return r;
    }
}
