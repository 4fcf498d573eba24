using System.Globalization;
using System.Text.RegularExpressions;
using Liaison.Analysis.EntityResolution;

namespace Liaison.Node.Web.Resolution;

/// <summary>
/// Two records the resolver considered the same subject, with the rule, what matched, a score
/// (the name similarity for the name rules; exact identifier rules match or do not) and whether the
/// evidence was followed. An analyst accepts a pair with a merge decision or rejects it with a split.
/// </summary>
internal sealed partial record CandidatePair(string RecordA, string RecordB, MatchRule Rule, string Detail, string? RefusedBecause)
{
    public bool Accepted => RefusedBecause is null;

    /// <summary>The similarity in the evidence ("names 0.96 similar"), or null for an exact identifier match or a manual decision.</summary>
    public double? Score => Similarity().Match(Detail) is { Success: true } m ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    public string ScoreText => Score is { } s ? s.ToString("F2", CultureInfo.InvariantCulture)
        : Rule == MatchRule.ManualMerge ? "manual" : "exact";

    public static IReadOnlyList<CandidatePair> Of(EntityResolutionResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Clusters.SelectMany(c => c.Evidence)
            .Select(e => new CandidatePair(e.RecordA, e.RecordB, e.Rule, e.Detail, e.RefusedBecause))
            .DistinctBy(p => (p.RecordA, p.RecordB, p.Rule, p.Accepted))
            .OrderBy(p => p.Accepted).ThenByDescending(p => p.Score ?? 1).ThenBy(p => p.RecordA, StringComparer.Ordinal).ThenBy(p => p.RecordB, StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex(@"\b([01]\.\d{2,3})\b")]
    private static partial Regex Similarity();
}
