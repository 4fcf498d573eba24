using System.ComponentModel.DataAnnotations;

namespace Liaison.Matching.Psi;

/// <summary>
/// How much a peer may ask per session and per rolling 24 hours. The phone-number domain is small enough
/// to enumerate, so these limits, not the cryptography, are what stop a peer from testing every number.
/// </summary>
public sealed class PsiBudgetOptions
{
    [Range(1, int.MaxValue)]
    public int MaxIdentifiersPerSession { get; set; } = 10_000;

    [Range(1, int.MaxValue)]
    public int MaxIdentifiersPerDay { get; set; } = 50_000;

    [Range(1, int.MaxValue)]
    public int MaxSessionsPerDay { get; set; } = 200;

    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxIdentifiersPerSession, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxIdentifiersPerDay, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxSessionsPerDay, 1);
    }
}
