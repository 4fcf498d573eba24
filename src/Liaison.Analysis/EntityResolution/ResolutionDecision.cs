namespace Liaison.Analysis.EntityResolution;

/// <summary>What an analyst decided about two records.</summary>
public enum DecisionKind
{
    /// <summary>They are one subject, whatever the rules say.</summary>
    Merge,

    /// <summary>They are not one subject: no evidence may join them, directly or through others.</summary>
    Split,
}

/// <summary>
/// A manual override of entity resolution. Decisions are never applied destructively: they sit on
/// top of the automatic evidence and the clusters are recomputed, so revoking a decision restores
/// exactly what the rules found.
/// </summary>
public sealed record ResolutionDecision(string Id, DecisionKind Kind, string RecordA, string RecordB, string DecidedBy, DateTimeOffset DecidedAt, string Reason)
{
    /// <summary>Set when the decision was withdrawn; a revoked decision no longer applies but stays on record.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    public string? RevokedBy { get; init; }

    public bool InForce => RevokedAt is null;
}
