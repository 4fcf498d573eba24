using System.ComponentModel.DataAnnotations;

namespace Liaison.Node.Witnessing;

/// <summary>Section <c>Ledger:Witnessing</c>: how often the node asks its peers to cosign its latest checkpoint.</summary>
public sealed class WitnessingOptions
{
    /// <summary>Off: the node still witnesses for its peers, but does not ask them to witness its log.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Seconds between rounds (C2SP witnesses expect a checkpoint at least every few minutes; 30 s keeps the unwitnessed window short).</summary>
    [Range(1, 86_400)]
    public int IntervalSeconds { get; set; } = 30;
}
