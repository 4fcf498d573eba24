using System.ComponentModel.DataAnnotations;

namespace Liaison.Ledger.Checkpoints;

/// <summary>
/// When the node signs a new checkpoint: as soon as <see cref="MaxEntries"/> entries are not yet covered
/// by one, and at the latest <see cref="MaxInterval"/> after the last checkpoint when any entry is
/// uncovered. So no entry waits longer than <see cref="MaxInterval"/> to be committed to by a signature,
/// and an idle log does not fill the store with identical checkpoints.
/// </summary>
public sealed class CheckpointPolicy
{
    /// <summary>Longest time an appended entry may stay uncovered (default 1 s).</summary>
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most entries that may stay uncovered (default 10,000).</summary>
    [Range(1, long.MaxValue)]
    public long MaxEntries { get; set; } = 10_000;

    /// <summary>True when a checkpoint is due.</summary>
    public bool IsDue(long coveredSize, DateTimeOffset lastIssued, long size, DateTimeOffset now)
    {
        var uncovered = size - coveredSize;
        return uncovered > 0 && (uncovered >= MaxEntries || now - lastIssued >= MaxInterval);
    }
}
