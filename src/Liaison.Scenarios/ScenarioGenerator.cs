using System.Globalization;
using System.Numerics;
using Bogus;
using Liaison.Core.Identifiers;
using Liaison.Core.Markings;
using Liaison.Core.Model;

namespace Liaison.Scenarios;

/// <summary>
/// A synthetic cross-border trafficking case, reproducible from a seed: a ring recruiting victims in
/// Romania, Ukraine and Vietnam and exploiting them in the UK, the Netherlands and the US. Three
/// agencies each hold part of it, with the overlaps real cases have — the same phone in two
/// countries, one suspect under a transliterated name, a victim known to two agencies — and the
/// noise around it. Everything is fiction; any likeness to real people is chance.
/// </summary>
public sealed class ScenarioGenerator
{
    private readonly Faker _f;
    private readonly PhoneNumberNormalizer _check = new("GB");
    private readonly DateTime _epoch = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly DateTimeOffset _importedAt = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    public ScenarioGenerator(int seed = 20261126)
    {
        _f = new Faker("en") { Random = new Randomizer(seed) };
    }

    public Scenario Generate(int noisePersonsPerNode = 25, int callsPerNode = 2_000)
    {
        var gb = new ScenarioNode("gb-nca", "National Crime Agency", "GB", "GB-OP-NIGHTJAR");
        var nl = new ScenarioNode("nl-politie", "Politie Landelijke Eenheid", "NL", "NL-2026-0412");
        var us = new ScenarioNode("us-hsi", "Homeland Security Investigations", "US", "US-HSI-7731");

        // The ring. Each organiser's phone is known in more than one country.
        var leaderPhone = Phone("RO");
        var recruiterPhone = Phone("UA");
        var driverPhone = Phone("GB");
        var financierPhone = Phone("NL");
        var usContactPhone = Phone("US");
        var leaderEmail = "ion.popescu.transport@example.ro";

        var gbLeader = Person(gb, "gb-p-ion-popescu", ["Ion Popescu"], "1979-04-12", "RO", SubjectCategories.Suspect, [leaderPhone, driverPhone], [leaderEmail]);
        var gbRecruiter = Person(gb, "gb-p-kovalenko", ["Oleksandr Kovalenko"], "1988", "UA", SubjectCategories.Suspect, [recruiterPhone], []);
        var gbDriver = Person(gb, "gb-p-driver", ["Daniel " + _f.Name.LastName()], "1992-11-02", "GB", SubjectCategories.Suspect, [driverPhone], []);
        var nlLeader = Person(nl, "nl-p-0001", ["POPESCU Ioan"], "1979-04-12", "RO", SubjectCategories.Suspect, [leaderPhone], [leaderEmail]);
        var nlRecruiter = Person(nl, "nl-p-0002", ["Олександр Коваленко"], "1988-06", "UA", SubjectCategories.Suspect, [recruiterPhone], []);
        var nlFinancier = Person(nl, "nl-p-0003", ["Pieter de " + _f.Name.LastName()], "1969-01-30", "NL", SubjectCategories.Suspect, [financierPhone], []);
        var usContact = Person(us, "us-p-a17", ["Tran Van Minh"], "1985-09-09", "VN", SubjectCategories.Suspect, [usContactPhone, leaderPhone], []);
        Person(us, "us-p-a18", ["Ion Popescu"], null, "RO", SubjectCategories.Suspect, [], [leaderEmail]);

        // Victims: pseudonymised before anything leaves a node unless a rule allows otherwise.
        var victimPhones = new List<string>();
        var victimsGb = new List<string>();
        foreach (var (name, dob, country, minor) in new[]
                 {
                     ("Ana Ionescu", "2009-02-17", "RO", true), ("Mariia Shevchenko", "2001-07-30", "UA", false),
                     ("Nguyễn Thị Lan", "2003-12-01", "VN", false), ("Elena Dumitru", "2008-05-05", "RO", true),
                 })
        {
            var phone = Phone(country);
            victimPhones.Add(phone);
            var subjects = SubjectCategories.Victim | (minor ? SubjectCategories.Minor : SubjectCategories.None);
            victimsGb.Add(Person(gb, "gb-v-" + PersonNames.SearchKey(name).Replace(' ', '-'), [name], dob, country, subjects, [phone], []));
        }
        Person(nl, "nl-v-0001", ["Mariya Shevchenko"], "2001-07-30", "UA", SubjectCategories.Victim, [victimPhones[1]], []);

        Link(gb, "Associate", gbLeader, gbRecruiter, "person", "associate");
        Link(gb, "Associate", gbLeader, gbDriver, "person", "associate");
        Link(nl, "Associate", nlLeader, nlRecruiter, "person", "associate");
        Link(nl, "Associate", nlLeader, nlFinancier, "person", "associate");
        Link(us, "Associate", usContact, "us-p-a18", "person", "associate");
        foreach (var v in victimsGb)
        {
            Link(gb, "UnknownLink", gbRecruiter, v, "subject", "object");
        }

        // Money: the financier's account pays the leader; the leader pays the US contact.
        var nlAccount = Account(nl, "nl-acct-1", "NL", nlFinancier);
        var roAccount = Account(nl, "nl-acct-2", "RO", nlLeader);
        Payment(nl, nlFinancier, nlLeader, nlAccount, roAccount, 4);
        Account(gb, "gb-acct-1", "GB", gbLeader);
        Wallet(us, "us-w-1", usContact);

        // Online ads offering the victims, posted with ring phones in several cities.
        foreach (var (node, cities) in new[] { (gb, new[] { "London", "Leeds", "Manchester" }), (nl, new[] { "Amsterdam", "Rotterdam" }), (us, new[] { "New York", "Newark" }) })
        {
            for (var i = 0; i < 6; i++)
            {
                Ad(node, cities[i % cities.Length], i % 2 == 0 ? driverPhone : victimPhones[i % victimPhones.Count], trafficking: true);
            }
            for (var i = 0; i < 6; i++)
            {
                Ad(node, cities[i % cities.Length], Phone(node.Jurisdiction), trafficking: false);
            }
        }

        // Noise: people each agency holds that have nothing to do with this ring.
        foreach (var node in new[] { gb, nl, us })
        {
            for (var i = 0; i < noisePersonsPerNode; i++)
            {
                Person(node, $"{node.NodeId}-x-{i:D3}", [_f.Name.FullName()], _f.Date.Past(50, _epoch.AddYears(-18)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    node.Jurisdiction, SubjectCategories.None, [Phone(node.Jurisdiction)], [_f.Internet.Email()]);
            }
        }

        var ring = new[] { leaderPhone, recruiterPhone, driverPhone, financierPhone, usContactPhone };
        Calls(gb, ring.Concat(victimPhones).ToArray(), callsPerNode);
        Calls(nl, [leaderPhone, recruiterPhone, financierPhone, victimPhones[1]], callsPerNode);
        Calls(us, [usContactPhone, leaderPhone], callsPerNode / 2);

        return new Scenario
        {
            Nodes = [gb, nl, us],
            SharedPhones = [leaderPhone, recruiterPhone, victimPhones[1]],
            RingLeaders = [gbLeader, nlLeader, usContact],
            RingPhones = ring,
        };
    }

    /// <summary>A large CDR file for benchmarks: a ring plus background traffic, streamed to disk.</summary>
    public void WriteCallsCsv(TextWriter output, int rows, int distinctNumbers = 20_000)
    {
        ArgumentNullException.ThrowIfNull(output);
        var numbers = Enumerable.Range(0, distinctNumbers).Select(i => Phone(i % 3 == 0 ? "GB" : i % 3 == 1 ? "NL" : "RO")).ToArray();
        output.WriteLine("caller,callee,start,duration,cell_id");
        for (var i = 0; i < rows; i++)
        {
            var a = numbers[_f.Random.Int(0, numbers.Length - 1)];
            var b = numbers[_f.Random.Int(0, numbers.Length - 1)];
            var start = _epoch.AddSeconds(i * 7 + _f.Random.Int(0, 6));
            output.Write(a);
            output.Write(',');
            output.Write(b);
            output.Write(',');
            output.Write(start.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            output.Write(',');
            output.Write(_f.Random.Int(1, 1800).ToString(CultureInfo.InvariantCulture));
            output.Write(",CELL-");
            output.WriteLine(_f.Random.Int(1, 400).ToString(CultureInfo.InvariantCulture));
        }
    }

    private string Person(ScenarioNode node, string id, string[] names, string? birthDate, string nationality, SubjectCategories subjects, string[] phones, string[] emails)
    {
        var props = new Dictionary<string, List<string>> { ["name"] = [.. names], ["nationality"] = [nationality.ToLowerInvariant()] };
        if (birthDate is not null)
        {
            props["birthDate"] = [birthDate];
        }
        if (phones.Length > 0)
        {
            props["phone"] = [.. phones];
        }
        if (emails.Length > 0)
        {
            props["email"] = [.. emails];
        }
        node.Records.Add(Record(node, id, "Person", props, subjects, subjects.IsProtected() ? Tlp.Red : Tlp.Amber));
        foreach (var phone in phones)
        {
            var phoneId = $"{node.NodeId}-ph-{phone.TrimStart('+')}";
            if (node.Records.All(r => r.Id != phoneId))
            {
                node.Records.Add(Record(node, phoneId, "Phone", new() { ["number"] = [phone] }));
            }
            node.Records.Add(Record(node, $"{id}-uses-{phone.TrimStart('+')}", "Use", new() { ["user"] = [id], ["thing"] = [phoneId] }));
        }
        return id;
    }

    private void Link(ScenarioNode node, string schema, string from, string to, string fromProperty, string toProperty) =>
        node.Records.Add(Record(node, $"{node.NodeId}-l-{node.Records.Count}", schema, new() { [fromProperty] = [from], [toProperty] = [to] }));

    private string Account(ScenarioNode node, string id, string country, string holder)
    {
        node.Records.Add(Record(node, id, "BankAccount", new() { ["iban"] = [MakeIban(country)], ["holder"] = [holder] }));
        return id;
    }

    private void Wallet(ScenarioNode node, string id, string holder) =>
        // A well-known, valid Bech32 example address: fiction needs a checksum-valid one.
        node.Records.Add(Record(node, id, "CryptoWallet", new() { ["publicKey"] = ["bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"], ["currency"] = ["BTC"], ["holder"] = [holder] }));

    private void Payment(ScenarioNode node, string payer, string beneficiary, string payerAccount, string beneficiaryAccount, int count)
    {
        for (var i = 0; i < count; i++)
        {
            node.Records.Add(Record(node, $"{node.NodeId}-pay-{i}", "Payment", new()
            {
                ["payer"] = [payer], ["beneficiary"] = [beneficiary], ["payerAccount"] = [payerAccount], ["beneficiaryAccount"] = [beneficiaryAccount],
                ["amount"] = [_f.Random.Int(2_000, 9_500).ToString(CultureInfo.InvariantCulture)], ["currency"] = ["EUR"],
                ["date"] = [_epoch.AddDays(_f.Random.Int(0, 200)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
            }));
        }
    }

    private void Ad(ScenarioNode node, string city, string phone, bool trafficking)
    {
        var text = trafficking
            ? _f.PickRandom("New in town! Sweet young girl, just arrived, available 24/7. Ask for her.",
                "She is new in " + city + ", fresh and young, only this week. Call him to book.",
                "Young girls new to the area, petite, visiting for a few days only.")
            : _f.PickRandom("Professional massage therapist, licensed, appointments weekdays.",
                "Experienced cleaner offering services in " + city + ". References available.",
                "Private tutor: maths and physics, all levels.");
        var id = $"{node.NodeId}-ad-{node.Records.Count}";
        node.Records.Add(Record(node, id, "Advertisement", new()
        {
            ["title"] = [trafficking ? "New in " + city : "Services in " + city], ["bodyText"] = [text], ["city"] = [city], ["phone"] = [phone],
            ["price"] = [(trafficking ? _f.Random.Int(40, 90) : _f.Random.Int(30, 120)).ToString(CultureInfo.InvariantCulture)],
            ["date"] = [_epoch.AddDays(_f.Random.Int(0, 200)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)],
        }));
    }

    private void Calls(ScenarioNode node, string[] ring, int count)
    {
        var noise = Enumerable.Range(0, 60).Select(_ => Phone(node.Jurisdiction)).ToArray();
        for (var i = 0; i < count; i++)
        {
            // A third of the traffic is inside the ring: that is the community analysis must find.
            string a, b;
            if (i % 3 == 0)
            {
                a = _f.PickRandom(ring);
                do
                {
                    b = _f.PickRandom(ring);
                }
                while (b == a);
            }
            else
            {
                a = _f.PickRandom(noise);
                b = _f.Random.Bool(0.1f) ? _f.PickRandom(ring) : _f.PickRandom(noise);
            }
            node.Calls.Add((a, b, _epoch.AddMinutes(i * 37 + _f.Random.Int(0, 30)), _f.Random.Int(5, 900), "CELL-" + _f.Random.Int(1, 40)));
        }
    }

    private EntityRecord Record(ScenarioNode node, string id, string schema, Dictionary<string, List<string>> props,
        SubjectCategories subjects = SubjectCategories.None, Tlp tlp = Tlp.Amber) =>
        new(id, schema, props, new RecordEnvelope
        {
            OriginAgency = node.Agency,
            OriginNode = node.NodeId,
            CaseId = node.CaseId,
            Tlp = tlp,
            Handling = subjects.HasFlag(SubjectCategories.Minor) ? new Handling(HandlingCodes.H0 | HandlingCodes.H2) : Handling.LawEnforcementOnly,
            Grading = new Grading(SourceReliability.B, InformationCredibility.KnownToSource),
            Subjects = subjects,
            LegalBasis = node.Jurisdiction switch
            {
                "GB" => "Investigatory Powers Act 2016; Police and Criminal Evidence Act 1984",
                "NL" => "Wetboek van Strafvordering art. 126n; Wet politiegegevens art. 9",
                _ => "18 U.S.C. § 2703(d); Trafficking Victims Protection Act",
            },
            ReviewDate = new DateOnly(2031, 11, 1),
            Provenance = new Provenance("file:scenario", _importedAt, "scenario-generator"),
        });

    private string Phone(string country)
    {
        while (true)
        {
            var raw = country switch
            {
                "GB" => "+447911" + _f.Random.Replace("######"),
                "NL" => "+316" + _f.Random.Replace("########"),
                "US" => "+1" + _f.PickRandom("212", "718", "917", "973") + _f.Random.Replace("2######"),
                "RO" => "+407" + _f.Random.Int(2, 6) + _f.Random.Replace("#######"),
                "UA" => "+38067" + _f.Random.Replace("#######"),
                "VN" => "+849" + _f.Random.Int(0, 8) + _f.Random.Replace("#######"),
                _ => "+447911" + _f.Random.Replace("######"),
            };
            if (_check.TryNormalize(raw, out _) is { } e164)
            {
                return e164;
            }
        }
    }

    private string MakeIban(string country)
    {
        var bban = country switch
        {
            "GB" => "NWBK" + _f.Random.Replace("##############"),
            "NL" => "ABNA" + _f.Random.Replace("##########"),
            "RO" => "BTRL" + _f.Random.Replace("################"),
            _ => throw new ArgumentOutOfRangeException(nameof(country)),
        };
        var digits = string.Concat((bban + country + "00").Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture)));
        var check = 98 - (int)(BigInteger.Parse(digits, CultureInfo.InvariantCulture) % 97);
        return country + check.ToString("D2", CultureInfo.InvariantCulture) + bban;
    }
}
