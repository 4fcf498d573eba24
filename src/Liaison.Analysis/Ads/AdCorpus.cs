namespace Liaison.Analysis.Ads;

/// <summary>
/// The cross-ad context of a collection of ads: which ads share a phone, e-mail or image, how many
/// cities those links span, and each city's price level (median and median absolute deviation).
/// </summary>
internal sealed class AdCorpus
{
    private const int MinimumPricesPerCity = 5;

    private readonly IReadOnlyList<Advertisement> _ads;
    private readonly Dictionary<string, List<int>> _byContact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _byImage = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (double Median, double Mad)> _prices = new(StringComparer.OrdinalIgnoreCase);
    private readonly (double Median, double Mad) _overall;

    public AdCorpus(IReadOnlyList<Advertisement> ads)
    {
        _ads = ads;
        for (var i = 0; i < ads.Count; i++)
        {
            foreach (var c in ads[i].Phones.Select(p => "phone " + p).Concat(ads[i].Emails.Select(e => "e-mail " + e)))
            {
                Add(_byContact, c, i);
            }
            foreach (var h in ads[i].ImageHashes)
            {
                Add(_byImage, h, i);
            }
        }
        var priced = ads.Where(a => a.PricePerHour is not null).ToList();
        _overall = Level(priced.Select(a => a.PricePerHour!.Value));
        foreach (var city in priced.Where(a => a.City is not null).GroupBy(a => a.City!, StringComparer.OrdinalIgnoreCase))
        {
            if (city.Count() >= MinimumPricesPerCity)
            {
                _prices[city.Key] = Level(city.Select(a => a.PricePerHour!.Value));
            }
        }
    }

    /// <summary>Other ads sharing a phone or e-mail with ad <paramref name="i"/>, and the contacts shared.</summary>
    public (HashSet<int> Ads, List<string> Contacts) SharingContact(int i)
    {
        var others = new HashSet<int>();
        var contacts = new List<string>();
        foreach (var c in _ads[i].Phones.Select(p => "phone " + p).Concat(_ads[i].Emails.Select(e => "e-mail " + e)))
        {
            var list = _byContact[c];
            if (list.Count > 1)
            {
                contacts.Add(c);
                others.UnionWith(list);
            }
        }
        others.Remove(i);
        return (others, contacts);
    }

    public HashSet<int> SharingImage(int i)
    {
        var others = new HashSet<int>();
        foreach (var h in _ads[i].ImageHashes)
        {
            others.UnionWith(_byImage[h]);
        }
        others.Remove(i);
        return others;
    }

    public Advertisement this[int i] => _ads[i];

    /// <summary>(price − median) / (1.4826 × MAD) against the ad's city, or all ads when the city has too few prices.</summary>
    public double? PriceZ(Advertisement ad)
    {
        if (ad.PricePerHour is not { } price)
        {
            return null;
        }
        var (median, mad) = ad.City is not null && _prices.TryGetValue(ad.City, out var level) ? level : _overall;
        return mad <= 0 ? null : (price - median) / (1.4826 * mad);
    }

    public (double Median, double Mad) PriceLevel(string? city) =>
        city is not null && _prices.TryGetValue(city, out var level) ? level : _overall;

    private static (double Median, double Mad) Level(IEnumerable<double> prices)
    {
        var sorted = prices.Order().ToArray();
        if (sorted.Length == 0)
        {
            return (0, 0);
        }
        var median = Median(sorted);
        var deviations = sorted.Select(p => Math.Abs(p - median)).Order().ToArray();
        return (median, Median(deviations));
    }

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;

    private static void Add(Dictionary<string, List<int>> index, string key, int ad)
    {
        if (!index.TryGetValue(key, out var list))
        {
            index[key] = list = [];
        }
        list.Add(ad);
    }
}
