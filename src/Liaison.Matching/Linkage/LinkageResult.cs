namespace Liaison.Matching.Linkage;

/// <summary>A pair the hub links: a record of party A, one of party B, and their Dice score.</summary>
public sealed record LinkageMatch(string AId, string BId, double Score);

/// <summary>
/// The hub's answer: the one-to-one matches, and how much work found them (comparisons made, pairs
/// at or above the threshold before the one-to-one solution).
/// </summary>
public sealed record LinkageResult(IReadOnlyList<LinkageMatch> Matches, long Comparisons, long CandidatePairs);

/// <summary>A candidate pair by position in the two sets.</summary>
internal readonly record struct ScoredPair(int A, int B, double Score);
