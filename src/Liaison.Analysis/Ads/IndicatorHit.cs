namespace Liaison.Analysis.Ads;

/// <summary>One indicator found in an ad: its weight in the rule score and the evidence (phrases matched, counts, prices).</summary>
public sealed record IndicatorHit(IndicatorKind Kind, double Weight, string Evidence);
