namespace Liaison.Analysis.Ads;

/// <summary>The classifier's inputs: the measured signals as numbers (counts on a log scale, so one phrase matters and the tenth less).</summary>
public static class AdFeatures
{
    public static readonly IReadOnlyList<string> Names =
    [
        "third_person", "first_person", "third_person_share", "movement", "age_hints", "stated_age_18_20",
        "multiple_providers", "risk", "ads_sharing_contact", "linked_cities", "ads_sharing_image",
        "price_robust_z", "price_missing", "words",
    ];

    internal static double[] Of(AdSignals s)
    {
        static double Log(int n) => Math.Log(1 + n);
        return
        [
            Log(s.ThirdPerson.Count),
            Log(s.FirstPerson.Count),
            s.ThirdPerson.Count / (s.ThirdPerson.Count + s.FirstPerson.Count + 1.0),
            Log(s.Movement.Count),
            Log(s.AgeHints.Count),
            s.YoungAge.Count > 0 ? 1 : 0,
            Log(s.MultipleProviders.Count),
            Log(s.Risk.Count),
            Log(s.SharingContact.Count),
            Log(Math.Max(0, s.Cities.Count - 1)),
            Log(s.SharingImage.Count),
            s.PriceZ is { } z ? Math.Clamp(z, -5, 5) : 0,
            s.PriceZ is null ? 1 : 0,
            Log(s.Words),
        ];
    }
}
