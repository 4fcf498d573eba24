namespace Liaison.Analysis.Ads;

/// <summary>
/// Assesses a collection of ads (cross-ad indicators need the collection): rule score with
/// explanations for every ad, plus a classifier probability when a trained model is given.
/// </summary>
public static class TraffickingIndicators
{
    public static IReadOnlyList<AdAssessment> Assess(IReadOnlyList<Advertisement> ads, LogisticRegression? model = null)
    {
        ArgumentNullException.ThrowIfNull(ads);
        var corpus = new AdCorpus(ads);
        var result = new AdAssessment[ads.Count];
        for (var i = 0; i < ads.Count; i++)
        {
            var signals = new AdSignals(corpus, i);
            var hits = IndicatorRules.Apply(signals, ads[i]);
            var marking = signals.SharingContact.Union(signals.SharingImage).Aggregate(ads[i].Marking, (m, j) => m.Narrow(ads[j].Marking));
            var probability = model?.Probability(AdFeatures.Of(signals));
            result[i] = new AdAssessment(ads[i].Id, Math.Round(hits.Sum(h => h.Weight), 10), hits, probability, marking);
        }
        return result;
    }

    /// <summary>The feature vectors of the ads, in order (for training a model).</summary>
    public static IReadOnlyList<double[]> Features(IReadOnlyList<Advertisement> ads)
    {
        ArgumentNullException.ThrowIfNull(ads);
        var corpus = new AdCorpus(ads);
        return Enumerable.Range(0, ads.Count).Select(i => AdFeatures.Of(new AdSignals(corpus, i))).ToList();
    }

    /// <summary>Trains the classifier on labelled ads (true = trafficking-linked).</summary>
    public static LogisticRegression Train(IReadOnlyList<Advertisement> ads, IReadOnlyList<bool> labels, double l2 = 1.0) =>
        LogisticRegression.Fit(Features(ads), labels, l2);
}
