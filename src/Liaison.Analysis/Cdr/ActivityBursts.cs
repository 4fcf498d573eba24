namespace Liaison.Analysis.Cdr;

/// <summary>Parameters of burst detection.</summary>
public sealed record BurstOptions
{
    public TimeSpan Bucket { get; init; } = TimeSpan.FromHours(1);

    /// <summary>How many preceding buckets form the baseline (a week of hours by default).</summary>
    public int BaselineBuckets { get; init; } = 168;

    /// <summary>A bucket needs this much history before it can be called a burst.</summary>
    public int MinimumHistory { get; init; } = 24;

    public double MinimumZ { get; init; } = 3.0;

    public int MinimumCalls { get; init; } = 5;
}

/// <summary>A bucket with far more calls than the number's recent baseline.</summary>
public sealed record ActivityBurst(DateTimeOffset Start, TimeSpan Length, int Calls, double BaselineMean, double BaselineDeviation, double ZScore);

/// <summary>
/// Activity bursts: calls counted per bucket (an hour by default) and compared with the trailing
/// baseline of the buckets before it: z = (count − mean) / deviation. The deviation is floored at
/// √max(mean, 1), the spread a Poisson count would have, so a quiet number making five calls in an
/// hour is not an "infinite" burst. Bursts often mark an event: a delivery, an arrest, a move.
/// </summary>
public static class ActivityBursts
{
    /// <summary>Bursts of one number, or of all records when <paramref name="number"/> is null.</summary>
    public static IReadOnlyList<ActivityBurst> Find(CallRecords cdr, string? number = null, BurstOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(cdr);
        options ??= new BurstOptions();
        var bucket = (long)options.Bucket.TotalSeconds;
        ArgumentOutOfRangeException.ThrowIfLessThan(bucket, 1L, nameof(options.Bucket));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.BaselineBuckets, 1, nameof(options.BaselineBuckets));
        IEnumerable<long> times = number is null ? cdr.Start : RowTimes(cdr, cdr.IndexOf(number));
        var list = times as long[] ?? times.ToArray();
        if (list.Length == 0)
        {
            return [];
        }
        var first = Floor(list.Min(), bucket);
        var last = Floor(list.Max(), bucket);
        var counts = new int[(last - first) / bucket + 1];
        foreach (var t in list)
        {
            counts[(Floor(t, bucket) - first) / bucket]++;
        }
        var bursts = new List<ActivityBurst>();
        double sum = 0, sumSquares = 0;
        for (var i = 0; i < counts.Length; i++)
        {
            var history = Math.Min(i, options.BaselineBuckets);
            if (history >= options.MinimumHistory && counts[i] >= options.MinimumCalls)
            {
                var mean = sum / history;
                var variance = Math.Max(0, sumSquares / history - mean * mean);
                var deviation = Math.Sqrt(Math.Max(variance, Math.Max(mean, 1)));
                var z = (counts[i] - mean) / deviation;
                if (z >= options.MinimumZ)
                {
                    bursts.Add(new ActivityBurst(DateTimeOffset.FromUnixTimeSeconds(first + i * bucket), options.Bucket, counts[i], mean, deviation, z));
                }
            }
            sum += counts[i];
            sumSquares += (double)counts[i] * counts[i];
            if (i >= options.BaselineBuckets)
            {
                var leaving = counts[i - options.BaselineBuckets];
                sum -= leaving;
                sumSquares -= (double)leaving * leaving;
            }
        }
        return bursts;
    }

    private static IEnumerable<long> RowTimes(CallRecords cdr, int number)
    {
        var rows = cdr.Rows.Of(number).ToArray();
        return rows.Select(r => cdr.Start[r]);
    }

    private static long Floor(long t, long bucket) => t - (((t % bucket) + bucket) % bucket);
}
