using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;

namespace Liaison.Exchange.Delivery;

/// <summary>
/// When the delivery worker tries again, and when it gives up. Delays grow exponentially with
/// "full jitter" (a uniform random delay between zero and the exponential bound), which spreads
/// the retries of many messages to one recovering peer instead of having them arrive in waves.
/// </summary>
public sealed class RetryPolicy
{
    /// <summary>Attempts before a message is dead-lettered. Default 12 (with the defaults, about a day of retrying).</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>The bound for the first retry; doubles each attempt.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The largest bound.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a claimed message is reserved for the worker that claimed it (longer than one attempt can take).</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long the worker sleeps when nothing is due.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Messages claimed per pass. Larger than <see cref="MaxBatchMessages"/> so that a burst to one
    /// peer travels as several envelopes in flight at once (up to <see cref="Parallelism"/>) instead
    /// of one envelope per pass.
    /// </summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 256;

    /// <summary>The most messages to one peer sent in one envelope (one key agreement for all). 1 disables batching.</summary>
    [Range(1, 10_000)]
    public int MaxBatchMessages { get; set; } = 64;

    /// <summary>The most bytes of signed messages in one batch envelope; keep well under the receiver's <see cref="ExchangeOptions.MaxEnvelopeBytes"/>.</summary>
    [Range(1024, int.MaxValue)]
    public int MaxBatchBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Envelopes sent at once by one worker.</summary>
    [Range(1, 256)]
    public int Parallelism { get; set; } = 8;

    /// <summary>The exponential bound after <paramref name="attempts"/> failed attempts: min(MaxDelay, BaseDelay · 2^(attempts−1)).</summary>
    public TimeSpan Bound(int attempts)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempts, 1);
        var exponent = Math.Min(attempts - 1, 40);
        var ticks = Math.Min((double)MaxDelay.Ticks, BaseDelay.Ticks * Math.Pow(2, exponent));
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>A delay drawn uniformly from [0, <see cref="Bound"/>], with a cryptographic generator (no seedable Random in product code).</summary>
    public TimeSpan NextDelay(int attempts)
    {
        var bound = Bound(attempts);
        var fraction = RandomNumberGenerator.GetInt32(int.MaxValue) / (double)(int.MaxValue - 1);
        return TimeSpan.FromTicks((long)(bound.Ticks * fraction));
    }
}
