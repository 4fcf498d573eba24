namespace Liaison.Analysis.EntityResolution;

/// <summary>
/// One reason to join two records: the rule, what matched (for example "phone +447700900123" or
/// "names 0.96 similar, born 1984-07-21") and whether it was used to join their clusters or was
/// refused (and why: a manual split, or two clearly different persons sharing a phone).
/// </summary>
public sealed record MatchEvidence(string RecordA, string RecordB, MatchRule Rule, string Detail)
{
    /// <summary>Null when the evidence joined or confirmed the cluster; otherwise why it was not followed.</summary>
    public string? RefusedBecause { get; init; }

    public bool Accepted => RefusedBecause is null;
}
