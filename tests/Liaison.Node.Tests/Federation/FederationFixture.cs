using Liaison.Matching.Psi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Liaison.Node.Tests.Federation;

/// <summary>
/// Six agencies on loopback, one clock: the Dutch police holds a case and serves hit/no-hit; the NCA
/// (GB) queries through its API; Swiss, German, American and an unknown node query from their folders as
/// <c>liaison match</c> does. Shared phones are planted on both sides in different spellings, and
/// some of NL's copies of them sit on records NL may not answer on for GB (TLP:RED, a minor, a copy
/// received from another agency).
/// </summary>
public sealed class FederationFixture : IAsyncLifetime
{
    public const string NlCase = "NL-ZAAK-7";
    public const string GbCase = "GB-OP-1";
    public const string Investigator = "investigator";
    public const int BudgetPerDay = 100;

    /// <summary>What NL may tell GB it holds: GB's identifiers (normalised) and the GB records that carry them.</summary>
    public static readonly Dictionary<(string Kind, string Value), string[]> PlantedIntersection = new()
    {
        [("phone", "+31612345678")] = ["g1"],
        [("phone", "+447911123123")] = ["g2", "g3"],
        [("email", "ana.pop@example.com")] = ["g4"],
        [("phone", "+40721234567")] = ["g5"],
        [("phone", "+33612345678")] = ["g9"],
    };

    /// <summary>GB's distinct identifiers: the five above, three NL holds but may not disclose to GB, one NL does not hold.</summary>
    public const int GbDistinctIdentifiers = 9;

    /// <summary>Every spelling of every planted identifier, to prove none reaches a ledger.</summary>
    public static readonly string[] PersonalValues =
    [
        "06 12345678", "+31612345678", "+31 6 1234 5678", "+44 7911 123123", "+447911123123", "07911 123123", "Ana.Pop@example.com",
        "ana.pop@example.com", "+40 721 234 567", "+40721234567", "+447911123456", "+447911123789", "+447911123321", "+33612345678",
        "+33 6 12 34 56 78", "+31687654321", "+447911123999",
    ];

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
    public FederatedNode Nl { get; private set; } = null!;
    public FederatedNode Gb { get; private set; } = null!;
    public FederatedNode Ch { get; private set; } = null!;
    public FederatedNode De { get; private set; } = null!;
    public FederatedNode Us { get; private set; } = null!;
    public FederatedNode Stranger { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Nl = await FederatedNode.CreateAsync("nl-politie", "Politie Nederland", "NL", Clock);
        Gb = await FederatedNode.CreateAsync("gb-nca", "National Crime Agency", "GB", Clock);
        Ch = await FederatedNode.CreateAsync("ch-fedpol", "Federal Office of Police", "CH", Clock);
        De = await FederatedNode.CreateAsync("de-bka", "Bundeskriminalamt", "DE", Clock);
        Us = await FederatedNode.CreateAsync("us-fbi", "Federal Bureau of Investigation", "US", Clock);
        Stranger = await FederatedNode.CreateAsync("zz-stranger", "Nobody NL knows", "GB", Clock);

        await Nl.ImportAsync(NlCase, "nl.jsonl",
            Person("n1", "06 12345678"),
            Person("n2", "+44 7911 123123"),
            """{"id":"n3","schema":"Person","properties":{"name":["Ana Pop"],"email":["Ana.Pop@example.com"]}}""",
            Person("n4", "+40 721 234 567"),
            Person("n5", "06 87654321"),
            Person("n6", "+44 7911 123456", "\"liaison\":{\"tlp\":\"TLP:RED\"},"),
            Person("n7", "+44 7911 123789", "\"liaison\":{\"subjects\":\"minor\"},"),
            Person("n8", "+44 7911 123321"),
            Person("n9", "+33 6 12 34 56 78", "\"liaison\":{\"subjects\":\"victim\"},"));
        await using (var db = Nl.Db())
        {
            // n8 came from another agency: NL is not its originator.
            await db.Records.Where(r => r.Id == "n8").ExecuteUpdateAsync(s => s.SetProperty(r => r.IsReceivedCopy, true));
        }
        await Gb.ImportAsync(GbCase, "gb.jsonl",
            Person("g1", "+31 6 1234 5678"),
            Person("g2", "07911 123123"),
            Person("g3", "07911 123123"),
            """{"id":"g4","schema":"Person","properties":{"name":["A. Pop"],"email":["ana.pop@example.com"]}}""",
            Person("g5", "+40721234567"),
            Person("g6", "07911 123456"),
            Person("g7", "07911 123789"),
            Person("g8", "07911 123321"),
            Person("g9", "+33612345678"),
            Person("g10", "07911 123999"));
        await Ch.ImportAsync("CH-1", "ch.jsonl", Person("c1", "+31 6 1234 5678"));
        await Us.ImportAsync("US-1", "us.jsonl", Person("u1", "+31 6 1234 5678"));
        await Stranger.ImportAsync("X-1", "x.jsonl", Person("x1", "+31 6 1234 5678"));
        await De.ImportAsync("DE-1", "de.jsonl", Enumerable.Range(0, 60).Select(i => Person($"d{i}", $"+31 6 2000 {i:0000}")).ToArray());

        await Gb.AddUserAsync(Investigator, "investigator", GbCase);
        await Ch.AddUserAsync(Investigator, "investigator", "CH-1");
        await De.AddUserAsync(Investigator, "investigator", "DE-1");
        await Us.AddUserAsync(Investigator, "investigator", "US-1");
        await Stranger.AddUserAsync(Investigator, "investigator", "X-1");

        foreach (var querier in new[] { Gb, Ch, De, Us })
        {
            await Nl.TrustAsync(querier);
            await querier.TrustAsync(Nl);
        }
        await Stranger.TrustAsync(Nl);

        await Nl.StartAsync(s => s.Configure<PsiBudgetOptions>(o =>
        {
            o.MaxIdentifiersPerSession = 80;
            o.MaxIdentifiersPerDay = BudgetPerDay;
        }));
        await Gb.StartAsync();
    }

    private static string Person(string id, string phone, string envelope = "") =>
        "{\"id\":\"" + id + "\",\"schema\":\"Person\"," + envelope + "\"properties\":{\"name\":[\"Person " + id + "\"],\"phone\":[\"" + phone + "\"]}}";

    public async Task DisposeAsync()
    {
        foreach (var node in new[] { Nl, Gb, Ch, De, Us, Stranger })
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class FederationCollection : ICollectionFixture<FederationFixture>
{
    public const string Name = "federation";
}
