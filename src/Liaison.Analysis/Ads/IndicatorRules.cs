namespace Liaison.Analysis.Ads;

/// <summary>
/// The rule half of the assessment: each indicator that fires adds its weight (the weights sum to
/// 1) and says why. Thresholds are deliberately simple so an analyst can check every hit by eye.
/// </summary>
internal static class IndicatorRules
{
    public const double LowPriceZ = -2.0;

    public static readonly IReadOnlyDictionary<IndicatorKind, double> Weights = new Dictionary<IndicatorKind, double>
    {
        [IndicatorKind.ThirdPerson] = 0.15,
        [IndicatorKind.Movement] = 0.15,
        [IndicatorKind.AgeHint] = 0.15,
        [IndicatorKind.MultipleProviders] = 0.10,
        [IndicatorKind.SharedContact] = 0.15,
        [IndicatorKind.MultipleCities] = 0.10,
        [IndicatorKind.SharedImage] = 0.05,
        [IndicatorKind.LowPrice] = 0.10,
        [IndicatorKind.RiskIndicators] = 0.05,
    };

    public static List<IndicatorHit> Apply(AdSignals s, Advertisement ad)
    {
        var hits = new List<IndicatorHit>();
        void Hit(IndicatorKind kind, string evidence) => hits.Add(new IndicatorHit(kind, Weights[kind], evidence));

        if (s.ThirdPerson.Count >= 2 && s.ThirdPerson.Count > s.FirstPerson.Count)
        {
            Hit(IndicatorKind.ThirdPerson, $"{s.ThirdPerson.Count} third-person references ({AdSignals.Quote(s.ThirdPerson)}) against {s.FirstPerson.Count} first-person");
        }
        if (s.Movement.Count > 0)
        {
            Hit(IndicatorKind.Movement, AdSignals.Quote(s.Movement));
        }
        if (s.AgeHints.Count > 0 || s.YoungAge.Count > 0)
        {
            Hit(IndicatorKind.AgeHint, AdSignals.Quote(s.AgeHints.Concat(s.YoungAge)));
        }
        if (s.MultipleProviders.Count > 0)
        {
            Hit(IndicatorKind.MultipleProviders, AdSignals.Quote(s.MultipleProviders));
        }
        if (s.SharingContact.Count > 0)
        {
            Hit(IndicatorKind.SharedContact, $"{string.Join(", ", s.SharedContacts)} also in {s.SharingContact.Count} other ad(s)");
        }
        if (s.Cities.Count >= 2)
        {
            Hit(IndicatorKind.MultipleCities, $"linked ads in {s.Cities.Count} cities: {string.Join(", ", s.Cities)}");
        }
        if (s.SharingImage.Count > 0)
        {
            Hit(IndicatorKind.SharedImage, $"image reused in {s.SharingImage.Count} other ad(s)");
        }
        if (s.PriceZ is { } z && z <= LowPriceZ)
        {
            Hit(IndicatorKind.LowPrice, $"{AdSignals.Number(ad.PricePerHour!.Value)} per hour against a median of {AdSignals.Number(s.PriceLevel.Median)} (robust z {AdSignals.Number(z)})");
        }
        if (s.Risk.Count > 0)
        {
            Hit(IndicatorKind.RiskIndicators, AdSignals.Quote(s.Risk));
        }
        return hits;
    }
}
