using System.Numerics;
using Liaison.Matching.Clk;

namespace Liaison.Matching.Linkage;

/// <summary>
/// One party's encodings as the hub holds them: ids, the filters packed contiguously (cache-friendly),
/// their popcounts, and blocking keys. Contains nothing the hub could decode without the secret.
/// </summary>
public sealed class ClkSet
{
    private ClkSet(string schemaFingerprint, int filterBits, string[] ids, ulong[] bits, int[] popCounts, ulong[][] blockKeys)
    {
        SchemaFingerprint = schemaFingerprint;
        FilterBits = filterBits;
        Ids = ids;
        Bits = bits;
        PopCounts = popCounts;
        BlockKeys = blockKeys;
    }

    public string SchemaFingerprint { get; }

    public int FilterBits { get; }

    public int Words => FilterBits / 64;

    public int Count => Ids.Count;

    public IReadOnlyList<string> Ids { get; }

    internal ulong[] Bits { get; }

    internal int[] PopCounts { get; }

    internal ulong[][] BlockKeys { get; }

    public bool HasBlockKeys => BlockKeys.Any(k => k.Length > 0);

    public ReadOnlySpan<ulong> Filter(int index) => Bits.AsSpan(index * Words, Words);

    public static ClkSet From(string schemaFingerprint, int filterBits, IEnumerable<ClkRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (filterBits < 64 || filterBits % 64 != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(filterBits), "filter length must be a positive multiple of 64 bits");
        }
        var words = filterBits / 64;
        var list = records as IReadOnlyCollection<ClkRecord> ?? [.. records];
        var ids = new string[list.Count];
        var bits = new ulong[list.Count * words];
        var pop = new int[list.Count];
        var blocks = new ulong[list.Count][];
        var i = 0;
        foreach (var record in list)
        {
            if (record.Bits.Length != words)
            {
                throw new ArgumentException($"record {record.Id} has {record.Bits.Length * 64} bits, expected {filterBits}", nameof(records));
            }
            ids[i] = record.Id;
            record.Bits.CopyTo(bits, i * words);
            var count = 0;
            foreach (var w in record.Bits)
            {
                count += BitOperations.PopCount(w);
            }
            pop[i] = count;
            blocks[i] = record.BlockKeys;
            i++;
        }
        return new ClkSet(schemaFingerprint, filterBits, ids, bits, pop, blocks);
    }
}
