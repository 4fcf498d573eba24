using System.ComponentModel.DataAnnotations;

namespace Liaison.Node.Retention;

/// <summary>How often the node runs its retention pass (review dates, purge, withdrawals). The grace period is policy, not configuration.</summary>
public sealed class RetentionOptions
{
    /// <summary>Between two passes; the first runs at start. Default one hour.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan Every { get; set; } = TimeSpan.FromHours(1);

    /// <summary>False stops the scheduled purge (the DPO can still purge from the review list or the CLI).</summary>
    public bool Enabled { get; set; } = true;
}
