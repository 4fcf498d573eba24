using System.ComponentModel.DataAnnotations;

namespace Liaison.Ledger.Appending;

/// <summary>Tuning of <see cref="LedgerAppender"/>.</summary>
public sealed class LedgerAppenderOptions
{
    /// <summary>Most events written in one store call (one transaction, one flush).</summary>
    [Range(1, 1_000_000)]
    public int MaxBatch { get; set; } = 8192;

    /// <summary>Events that may wait before callers are slowed down (back-pressure instead of unbounded memory).</summary>
    [Range(1, 10_000_000)]
    public int QueueCapacity { get; set; } = 65536;
}
