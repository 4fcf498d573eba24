using System.Globalization;
using System.Text.RegularExpressions;

namespace Liaison.Analysis.Ads;

/// <summary>What was measured in one ad: phrase matches and cross-ad links. Both the rules and the classifier's features read it.</summary>
internal sealed class AdSignals
{
    public AdSignals(AdCorpus corpus, int index)
    {
        var ad = corpus[index];
        var text = AdText.Normalise(ad.Text);
        ThirdPerson = Phrases(AdText.ThirdPerson(text));
        FirstPerson = Phrases(AdText.FirstPerson(text));
        Movement = Phrases(AdText.Movement(text));
        AgeHints = Phrases(AdText.AgeHints(text));
        YoungAge = Phrases(AdText.StatedYoungAge(text));
        MultipleProviders = Phrases(AdText.MultipleProviders(text));
        Risk = Phrases(AdText.Risk(text));
        Words = AdText.Words(text);
        (SharingContact, SharedContacts) = corpus.SharingContact(index);
        SharingImage = corpus.SharingImage(index);
        var linked = SharingContact.Union(SharingImage).Append(index);
        Cities = linked.Select(i => corpus[i].City).Where(c => c is not null).Select(c => c!.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        PriceZ = corpus.PriceZ(ad);
        PriceLevel = corpus.PriceLevel(ad.City);
    }

    public List<string> ThirdPerson { get; }
    public List<string> FirstPerson { get; }
    public List<string> Movement { get; }
    public List<string> AgeHints { get; }
    public List<string> YoungAge { get; }
    public List<string> MultipleProviders { get; }
    public List<string> Risk { get; }
    public int Words { get; }
    public HashSet<int> SharingContact { get; }
    public List<string> SharedContacts { get; }
    public HashSet<int> SharingImage { get; }
    public List<string> Cities { get; }
    public double? PriceZ { get; }
    public (double Median, double Mad) PriceLevel { get; }

    public static string Quote(IEnumerable<string> phrases) =>
        string.Join(", ", phrases.GroupBy(p => p, StringComparer.Ordinal).Select(g => g.Count() > 1 ? $"\"{g.Key}\" ×{g.Count()}" : $"\"{g.Key}\""));

    public static string Number(double x) => x.ToString("0.##", CultureInfo.InvariantCulture);

    private static List<string> Phrases(MatchCollection matches) => matches.Select(m => m.Value).ToList();
}
