using Bogus;
using Liaison.Analysis.Ads;

namespace Liaison.Analysis.Tests.Ads;

/// <summary>
/// A labelled set of SYNTHETIC sex-services ads, generated with a fixed seed (Bogus 35.6.5), for
/// measuring the indicators and the classifier. Independent advertisers and trafficking-linked
/// operations are drawn with overlapping habits (independents sometimes tour or write in the third
/// person; operations often use a fresh phone per ad and plain first-person text) and 3 % of labels
/// are flipped, so the task is not trivially separable. The figures measured on it say how well
/// the method recovers these planted patterns, not how it performs on real ads.
/// </summary>
internal static class SyntheticAds
{
    private static readonly (string City, double Median)[] Cities =
    [
        ("London", 160), ("Manchester", 120), ("Birmingham", 110), ("Leeds", 110), ("Glasgow", 110), ("Bristol", 120),
        ("Liverpool", 100), ("Newcastle", 100), ("Cardiff", 100), ("Belfast", 100), ("Edinburgh", 130), ("Nottingham", 100),
    ];

    public sealed record Labelled(Advertisement Ad, bool Trafficking, int Group);

    public static List<Labelled> Generate(int seed = 20240301, int independents = 1500, int operations = 160)
    {
        var f = new Faker("en") { Random = new Randomizer(seed) };
        var ads = new List<Labelled>();
        var group = 0;
        var t0 = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < independents; i++, group++)
        {
            var name = f.Name.FirstName(Bogus.DataSets.Name.Gender.Female);
            var home = f.PickRandom(Cities);
            var phone = f.Phone.PhoneNumber("+447#########");
            var email = f.Random.Bool(0.4f) ? f.Internet.Email(name) : null;
            var image = f.Random.Hash(16);
            var tours = f.Random.Bool(0.10f);
            var count = f.Random.Int(1, 3);
            for (var k = 0; k < count; k++)
            {
                var city = tours && k > 0 ? f.PickRandom(Cities) : home;
                var text = Text(f, name, thirdPerson: f.Random.Bool(0.15f), movement: tours && k > 0 && f.Random.Bool(0.7f) || f.Random.Bool(0.05f),
                    ageHint: f.Random.Bool(0.12f), multiple: f.Random.Bool(0.03f), risk: f.Random.Bool(0.06f));
                var price = Price(f, city.Median, discount: f.Random.Bool(0.05f));
                ads.Add(new Labelled(Ad(f, group, k, text, city.City, t0, price, [phone], email, image), f.Random.Bool(0.03f), group));
            }
        }
        for (var o = 0; o < operations; o++, group++)
        {
            var sharedPhone = f.Random.Bool(0.65f) ? f.Phone.PhoneNumber("+447#########") : null;
            var moves = f.Random.Bool(0.6f);
            var cities = f.PickRandom(Cities, moves ? f.Random.Int(2, 4) : 1).ToArray();
            var victims = f.Random.Int(2, 7);
            var style = (third: f.Random.Bool(0.6f), movement: f.Random.Bool(0.55f), age: f.Random.Bool(0.5f), multiple: f.Random.Bool(0.35f), cheap: f.Random.Bool(0.5f), risk: f.Random.Bool(0.2f), reuseImages: f.Random.Bool(0.3f));
            var stockImage = f.Random.Hash(16);
            for (var v = 0; v < victims; v++)
            {
                var name = f.Name.FirstName(Bogus.DataSets.Name.Gender.Female);
                var city = cities[v % cities.Length];
                var phone = sharedPhone ?? f.Phone.PhoneNumber("+447#########");
                var text = Text(f, name, thirdPerson: style.third && f.Random.Bool(0.85f), movement: style.movement && f.Random.Bool(0.8f),
                    ageHint: style.age && f.Random.Bool(0.8f), multiple: style.multiple && f.Random.Bool(0.8f), risk: style.risk && f.Random.Bool(0.8f));
                var price = Price(f, city.Median, discount: style.cheap && f.Random.Bool(0.8f));
                var image = style.reuseImages ? stockImage : f.Random.Hash(16);
                ads.Add(new Labelled(Ad(f, group, v, text, city.City, t0, price, [phone], null, image), !f.Random.Bool(0.03f), group));
            }
        }
        return ads;
    }

    /// <summary>Splits by advertiser or operation, never inside one, so no operation is in both halves.</summary>
    public static (List<Labelled> Train, List<Labelled> Test) Split(List<Labelled> all, double testShare = 0.3, int seed = 7)
    {
        var random = new Random(seed);
        var groups = all.Select(a => a.Group).Distinct().OrderBy(_ => random.Next()).ToList();
        var test = groups.Take((int)(groups.Count * testShare)).ToHashSet();
        return (all.Where(a => !test.Contains(a.Group)).ToList(), all.Where(a => test.Contains(a.Group)).ToList());
    }

    private static Advertisement Ad(Faker f, int group, int k, string text, string city, DateTimeOffset t0, double? price, string[] phones, string? email, string image) =>
        new($"ad-{group}-{k}", text, city, t0.AddHours(f.Random.Int(0, 24 * 90)), price, phones, email is null ? [] : [email], [image]);

    private static double? Price(Faker f, double median, bool discount)
    {
        if (f.Random.Bool(0.1f))
        {
            return null;
        }
        var factor = discount ? f.Random.Double(0.35, 0.6) : Math.Exp(f.Random.Double(-0.25, 0.25));
        return Math.Round(median * factor / 10) * 10;
    }

    private static string Text(Faker f, string name, bool thirdPerson, bool movement, bool ageHint, bool multiple, bool risk)
    {
        var parts = new List<string>();
        parts.Add(thirdPerson
            ? f.PickRandom($"{name} is a sweet girl, she loves to meet new friends.", $"Meet {name}! She is waiting for you, call her now.", $"This girl {name} will make your day. She is very friendly.")
            : f.PickRandom($"Hi, I'm {name}. I love to meet new friends.", $"Hello gentlemen, my name is {name} and I am waiting for your call.", $"I am {name}, call me for a relaxing time."));
        if (movement)
        {
            parts.Add(f.PickRandom("New in town!", "Just arrived, only here until Friday.", "Visiting for a few days.", "N3w in t0wn this week.", "On tour, last days here."));
        }
        if (ageHint)
        {
            parts.Add(f.PickRandom("Young and fresh.", "Petite and innocent.", "New girl, barely legal.", "19 yo, sweet young thing.", "Tiny and fresh."));
        }
        if (multiple)
        {
            parts.Add(f.PickRandom("New girls every week.", "2 girls available.", "Choose from many girls.", "Different girls from Eastern Europe."));
        }
        if (risk)
        {
            parts.Add(f.PickRandom("Available 24/7.", "Anything you want.", "No limits."));
        }
        parts.Add(f.Lorem.Sentence(f.Random.Int(4, 12)));
        parts.Add(thirdPerson ? f.PickRandom("Call her.", "She speaks little English.", "Text for her photos.") : f.PickRandom("Call me.", "I speak English.", "Text me for photos."));
        return string.Join(' ', f.Random.Shuffle(parts.Take(parts.Count - 1)).Append(parts[^1]));
    }
}
