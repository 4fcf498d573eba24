namespace Liaison.Analysis.Graphs;

/// <summary>
/// xoshiro256** seeded through SplitMix64. Analysis needs randomness that an analyst can replay
/// (the same seed gives the same communities and the same sampled sources on every machine and
/// .NET version), which neither <see cref="System.Security.Cryptography.RandomNumberGenerator"/>
/// nor <see cref="Random"/>'s unspecified algorithm promise.
/// </summary>
internal struct SeededRandom
{
    private ulong _s0, _s1, _s2, _s3;

    public SeededRandom(ulong seed)
    {
        _s0 = SplitMix(ref seed);
        _s1 = SplitMix(ref seed);
        _s2 = SplitMix(ref seed);
        _s3 = SplitMix(ref seed);
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, bound) without modulo bias (Lemire's method).</summary>
    public int Next(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        var x = NextUInt64() >> 32;
        var m = x * (ulong)bound;
        var low = (uint)m;
        if (low < (uint)bound)
        {
            var threshold = (uint)-bound % (uint)bound;
            while (low < threshold)
            {
                x = NextUInt64() >> 32;
                m = x * (ulong)bound;
                low = (uint)m;
            }
        }
        return (int)(m >> 32);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public void Shuffle(Span<int> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>k distinct values from [0, n), in the order drawn (partial Fisher–Yates).</summary>
    public int[] Sample(int n, int k)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, n);
        var pool = new int[n];
        for (var i = 0; i < n; i++)
        {
            pool[i] = i;
        }
        for (var i = 0; i < k; i++)
        {
            var j = i + Next(n - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool[..k];
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
