using Liaison.Analysis.Ads;
using Liaison.Analysis.Graphs;
using Liaison.Analysis.Tests.Cases;
using Liaison.Core.Identifiers;
using Liaison.Core.Markings;
using Liaison.Core.Validation;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace Liaison.Analysis.Tests.Ads;

public class TraffickingIndicatorTests(ITestOutputHelper output)
{
    private static Advertisement Ad(string id, string text, string city = "Leeds", double? price = 110, string phone = "+447911000001", string image = "img-x") =>
        new(id, text, city, null, price, [phone], [], [image]);

    private static List<Advertisement> Market(params Advertisement[] extra)
    {
        // A local market of ordinary first-person ads around 110 per hour.
        var ads = Enumerable.Range(0, 12)
            .Select(i => Ad($"m{i}", "Hi, I'm Anna. I love to meet new friends. Call me.", price: 100 + i * 2, phone: $"+4479110002{i:D2}", image: $"m{i}"))
            .ToList();
        ads.AddRange(extra);
        return ads;
    }

    [Fact]
    public void Third_person_movement_and_age_hints_are_found_with_the_phrases_quoted()
    {
        var ads = Market(Ad("t1", "Meet Lina! She is new in town and she is young and fresh. Call her."));
        var assessment = TraffickingIndicators.Assess(ads).Single(a => a.AdId == "t1");
        var kinds = assessment.Indicators.Select(h => h.Kind).ToList();
        Assert.Contains(IndicatorKind.ThirdPerson, kinds);
        Assert.Contains(IndicatorKind.Movement, kinds);
        Assert.Contains(IndicatorKind.AgeHint, kinds);
        Assert.Contains("\"new in town\"", assessment.Indicators.Single(h => h.Kind == IndicatorKind.Movement).Evidence, StringComparison.Ordinal);
        Assert.Equal(0.45, assessment.RuleScore, 10);
    }

    [Fact]
    public void Digits_used_as_letters_do_not_hide_a_phrase()
    {
        var assessment = TraffickingIndicators.Assess(Market(Ad("t1", "N3w in t0wn, call me"))).Single(a => a.AdId == "t1");
        Assert.Contains(assessment.Indicators, h => h.Kind == IndicatorKind.Movement);
    }

    [Fact]
    public void A_first_person_ad_at_the_local_price_has_no_indicators()
    {
        var assessment = TraffickingIndicators.Assess(Market()).First();
        Assert.Empty(assessment.Indicators);
        Assert.Equal(0, assessment.RuleScore);
    }

    [Fact]
    public void A_phone_shared_by_ads_in_several_cities_links_them_and_narrows_the_marking()
    {
        var red = new Marking(Tlp.Red, Handling.LawEnforcementOnly);
        var ads = Market(
            Ad("a1", "I'm Mia, call me.", city: "Leeds", phone: "+447911999999", image: "i1"),
            Ad("a2", "I'm Zoe, call me.", city: "Hull", phone: "+447911999999", image: "i2") with { Marking = red });
        var a1 = TraffickingIndicators.Assess(ads).Single(a => a.AdId == "a1");
        Assert.Contains(a1.Indicators, h => h.Kind == IndicatorKind.SharedContact && h.Evidence.Contains("phone +447911999999", StringComparison.Ordinal));
        Assert.Contains(a1.Indicators, h => h.Kind == IndicatorKind.MultipleCities && h.Evidence.Contains("hull, leeds", StringComparison.Ordinal));
        Assert.Equal(Tlp.Red, a1.Marking.Tlp);
    }

    [Fact]
    public void A_price_far_below_the_city_median_is_an_anomaly()
    {
        var assessment = TraffickingIndicators.Assess(Market(Ad("cheap", "I'm Eva, call me.", price: 40))).Single(a => a.AdId == "cheap");
        var hit = Assert.Single(assessment.Indicators);
        Assert.Equal(IndicatorKind.LowPrice, hit.Kind);
        Assert.StartsWith("40 per hour against a median of 110", hit.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void An_advertisement_record_becomes_an_ad_with_normalised_contacts()
    {
        var record = Records.Make("ad1", "Advertisement", ("title", "New in town"), ("bodyText", "Call her"), ("phone", "07911 123456"),
            ("city", "Leeds"), ("price", "80"), ("imageHash", "abc"));
        var validator = new RecordValidator(new PhoneNumberNormalizer("GB"), new FakeTimeProvider());
        var ad = Advertisement.FromRecord(record, validator.Validate(record));
        Assert.Equal(["+447911123456"], ad.Phones);
        Assert.Equal("New in town\nCall her", ad.Text);
        Assert.Equal(80, ad.PricePerHour);
    }

    [Fact]
    public void Logistic_regression_learns_a_separable_rule()
    {
        var x = Enumerable.Range(0, 200).Select(i => new[] { i % 2 == 0 ? 1.0 + i / 1000.0 : -1.0 - i / 1000.0, (i * 37 % 11) / 11.0 }).ToList();
        var y = Enumerable.Range(0, 200).Select(i => i % 2 == 0).ToList();
        var model = LogisticRegression.Fit(x, y, l2: 0.1);
        Assert.True(model.Probability([1.0, 0.5]) > 0.95);
        Assert.True(model.Probability([-1.0, 0.5]) < 0.05);
        Assert.True(Math.Abs(model.Weights[1]) < Math.Abs(model.Weights[0]));
    }

    [Fact]
    public void Evaluation_counts_and_auc_are_right_on_a_small_example()
    {
        var evaluation = ClassifierEvaluation.Of([0.9, 0.8, 0.3, 0.6, 0.1], [true, false, true, false, false], 0.5);
        Assert.Equal((1, 2, 1, 1), (evaluation.TruePositives, evaluation.FalsePositives, evaluation.TrueNegatives, evaluation.FalseNegatives));
        Assert.Equal(1.0 / 3, evaluation.Precision, 12);
        Assert.Equal(0.5, evaluation.Recall, 12);
        // Positives 0.9 and 0.3 against negatives 0.8, 0.6, 0.1: 0.9 beats all three, 0.3 beats one: 4 of 6.
        Assert.Equal(4.0 / 6, evaluation.RocAuc, 12);
    }

    [Fact]
    public void On_the_synthetic_held_out_split_the_classifier_and_the_rules_both_beat_chance_clearly()
    {
        var all = SyntheticAds.Generate();
        var (train, test) = SyntheticAds.Split(all);
        var ads = all.Select(a => a.Ad).ToList();
        var features = TraffickingIndicators.Features(ads);
        var index = ads.Select((a, i) => (a.Id, i)).ToDictionary(p => p.Id, p => p.i);
        var model = LogisticRegression.Fit(train.Select(a => features[index[a.Ad.Id]]).ToList(), train.Select(a => a.Trafficking).ToList());
        var assessed = TraffickingIndicators.Assess(ads, model).ToDictionary(a => a.AdId);
        var labels = test.Select(a => a.Trafficking).ToList();
        var classifier = ClassifierEvaluation.Of(test.Select(a => assessed[a.Ad.Id].ClassifierProbability!.Value).ToList(), labels, 0.5);
        var rules = ClassifierEvaluation.Of(test.Select(a => assessed[a.Ad.Id].RuleScore).ToList(), labels, 0.3);
        output.WriteLine($"synthetic ads: {all.Count} ({all.Count(a => a.Trafficking)} labelled trafficking), test {test.Count}");
        output.WriteLine($"classifier@0.5 P {classifier.Precision:F3} R {classifier.Recall:F3} F1 {classifier.F1:F3} AUC {classifier.RocAuc:F3}");
        output.WriteLine($"rules@0.3     P {rules.Precision:F3} R {rules.Recall:F3} F1 {rules.F1:F3} AUC {rules.RocAuc:F3}");
        Assert.True(classifier.RocAuc > 0.8, $"classifier AUC {classifier.RocAuc}");
        Assert.True(rules.RocAuc > 0.7, $"rule AUC {rules.RocAuc}");
        Assert.True(classifier.Precision > 0.6 && classifier.Recall > 0.5);
    }

    [Fact]
    public void The_synthetic_set_is_the_same_for_the_same_seed()
    {
        var a = SyntheticAds.Generate(seed: 5, independents: 20, operations: 3);
        var b = SyntheticAds.Generate(seed: 5, independents: 20, operations: 3);
        Assert.Equal(a.Select(x => x.Ad.Text), b.Select(x => x.Ad.Text));
    }
}
