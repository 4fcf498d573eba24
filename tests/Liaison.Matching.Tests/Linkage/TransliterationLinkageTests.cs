using System.Globalization;
using System.Text;
using Liaison.Matching.Clk;
using Liaison.Matching.Linkage;
using Xunit.Abstractions;

namespace Liaison.Matching.Tests.Linkage;

/// <summary>
/// A generated cross-border set: agency A writes names in their own script or with diacritics, agency B
/// in a common Latin romanisation, sometimes family name first, sometimes with a typo or no birth date.
/// </summary>
public sealed class TransliterationLinkageTests(ITestOutputHelper output)
{
    // (as written at home, as a foreign agency commonly writes it)
    private static readonly (string Native, string Latin)[][] GivenNames =
    [
        [("Дмитрий", "Dmitry"), ("Сергей", "Sergey"), ("Александр", "Aleksandr"), ("Ольга", "Olga"), ("Наталья", "Natalia"), ("Елена", "Elena"), ("Николай", "Nikolai"), ("Татьяна", "Tatiana")],
        [("Γιώργος", "Giorgos"), ("Νίκος", "Nikos"), ("Δημήτρης", "Dimitris"), ("Μαρία", "Maria"), ("Ελένη", "Eleni"), ("Κωνσταντίνος", "Konstantinos")],
        [("Ştefan", "Stefan"), ("Răzvan", "Razvan"), ("Ioana", "Ioana"), ("Andreea", "Andreea"), ("Bogdan", "Bogdan"), ("Mădălina", "Madalina")],
        [("Çağlar", "Caglar"), ("Ayşe", "Ayse"), ("Şükrü", "Sukru"), ("İbrahim", "Ibrahim"), ("Gül", "Gul"), ("Ömer", "Omer")],
        [("Hương", "Huong"), ("Thủy", "Thuy"), ("Minh", "Minh"), ("Đức", "Duc"), ("Thị Lan", "Thi Lan"), ("Văn Nam", "Van Nam")],
    ];

    private static readonly (string Native, string Latin)[][] FamilyNames =
    [
        [("Иванов", "Ivanov"), ("Смирнов", "Smirnov"), ("Кузнецов", "Kuznetsov"), ("Попов", "Popov"), ("Соколов", "Sokolov"), ("Лебедев", "Lebedev"), ("Козлов", "Kozlov"), ("Морозов", "Morozov")],
        [("Παπαδόπουλος", "Papadopoulos"), ("Παπαδάκης", "Papadakis"), ("Οικονόμου", "Oikonomou"), ("Γεωργίου", "Georgiou"), ("Βασιλείου", "Vasileiou"), ("Νικολάου", "Nikolaou")],
        [("Popescu", "Popescu"), ("Mărginean", "Marginean"), ("Țurcanu", "Turcanu"), ("Stănescu", "Stanescu"), ("Dumitrescu", "Dumitrescu"), ("Ionescu", "Ionescu")],
        [("Yılmaz", "Yilmaz"), ("Öztürk", "Ozturk"), ("Kılıç", "Kilic"), ("Doğan", "Dogan"), ("Çelik", "Celik"), ("Şahin", "Sahin")],
        [("Nguyễn", "Nguyen"), ("Trần", "Tran"), ("Phạm", "Pham"), ("Hoàng", "Hoang"), ("Đặng", "Dang"), ("Lê", "Le")],
    ];

    private static LinkageSchema Schema() => new()
    {
        Fields =
        [
            new FieldSpec { Name = "name", Columns = ["given_name", "surname"], Kind = FieldKind.Name, Ngram = 2, OrderInsensitive = true, BitsPerFeature = 400 },
            new FieldSpec { Name = "date_of_birth", Kind = FieldKind.Date, Ngram = 1, Positional = true, BitsPerFeature = 300 },
        ],
    };

    [Fact]
    public void Scripts_diacritics_swapped_order_and_typos_still_link()
    {
        var random = new Random(20250301);
        var a = new List<ClkRecord>();
        var b = new List<ClkRecord>();
        using var encoder = new ClkEncoder(Schema(), "transliteration test secret!"u8);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var id = 0;
        while (id < 400)
        {
            var script = random.Next(GivenNames.Length);
            var given = GivenNames[script][random.Next(GivenNames[script].Length)];
            var family = FamilyNames[script][random.Next(FamilyNames[script].Length)];
            var birth = new DateOnly(1950, 1, 1).AddDays(random.Next(20_000)).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            if (!seen.Add(given.Latin + family.Latin + birth))
            {
                continue;
            }
            a.Add(encoder.Encode($"a-{id}", Columns(given.Native, family.Native, birth)));
            var (bGiven, bFamily, bBirth) = (given.Latin, family.Latin, birth);
            if (random.Next(10) < 3)
            {
                (bGiven, bFamily) = (bFamily.ToUpperInvariant(), bGiven); // "IVANOV Dmitry"
            }
            if (random.Next(10) < 2)
            {
                bFamily = Typo(bFamily, random);
            }
            if (random.Next(10) < 1)
            {
                bBirth = ""; // only the name is known abroad
            }
            b.Add(encoder.Encode($"b-{id}", Columns(bGiven, bFamily, bBirth)));
            id++;
        }
        var setA = ClkSet.From("s", 1024, a);
        var setB = ClkSet.From("s", 1024, b.OrderBy(_ => random.Next()).ToList());

        var result = new LinkageHub(new LinkageOptions { Threshold = 0.7, UseBlocking = false }).Link(setA, setB);

        var correct = result.Matches.Count(m => m.AId[2..] == m.BId[2..]);
        var precision = (double)correct / result.Matches.Count;
        var recall = correct / 400.0;
        output.WriteLine($"{result.Matches.Count} links, {correct} correct: precision {precision:F4}, recall {recall:F4}");
        // Measured: 397 links, 394 correct (precision 0.9924, recall 0.9850). The pools are small, so
        // namesakes are common; the wrong links are namesakes whose birth date is missing on B's side,
        // which no encoding can tell apart. At 0.8: 379 links, all correct.
        Assert.True(precision >= 0.99, $"precision {precision}");
        Assert.True(recall >= 0.98, $"recall {recall}");
    }

    private static Func<string, string?> Columns(string given, string family, string birth) => column => column switch
    {
        "given_name" => given,
        "surname" => family,
        "date_of_birth" => birth,
        _ => null,
    };

    private static string Typo(string value, Random random)
    {
        if (value.Length < 4)
        {
            return value;
        }
        var sb = new StringBuilder(value);
        var at = 1 + random.Next(value.Length - 2);
        (sb[at], sb[at + 1]) = (sb[at + 1], sb[at]);
        return sb.ToString();
    }
}
