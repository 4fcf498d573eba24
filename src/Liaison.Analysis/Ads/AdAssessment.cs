using Liaison.Analysis.Graphs;

namespace Liaison.Analysis.Ads;

/// <summary>
/// The assessment of one ad: the rule score (sum of the weights of the indicators found, 0 to 1),
/// the indicators with their evidence, and the trained classifier's probability when a model was given.
/// Carries the narrowest marking of the ad and of the other ads its cross-ad indicators relied on.
/// </summary>
public sealed record AdAssessment(string AdId, double RuleScore, IReadOnlyList<IndicatorHit> Indicators, double? ClassifierProbability, Marking Marking)
{
    public IEnumerable<string> Explain() => Indicators.Select(h => $"{h.Kind} (+{h.Weight:0.00}): {h.Evidence}");
}
