using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Liaison.Node.Federation.Linkage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Liaison.Node.Tests.Federation.Linkage;

/// <summary>
/// The CLK linkage hub between live nodes on 127.0.0.1: two agencies upload FEBRL persons (encoded at
/// home with a secret the hub never sees) to a third node configured as hub; each gets back only its own
/// records that link, with the peer's opaque references. A fourth node, a peer of the hub but not a
/// participant, is refused the result; a node that is not a hub refuses uploads.
/// </summary>
public sealed class LinkageHubTests : IAsyncLifetime
{
    private const string Run = "febrl-4-2026-11";
    private const string Secret = "a secret gb and nl share, never the hub\n";
    private const int Shared = 300;
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
    private FederatedNode _hub = null!, _gb = null!, _nl = null!, _de = null!;
    private HashSet<string> _truePairs = null!;

    public async Task InitializeAsync()
    {
        _hub = await FederatedNode.CreateAsync("eu-hub", "Linkage hub", "NL", _clock);
        _gb = await FederatedNode.CreateAsync("gb-nca", "National Crime Agency", "GB", _clock);
        _nl = await FederatedNode.CreateAsync("nl-politie", "Politie Nederland", "NL", _clock);
        _de = await FederatedNode.CreateAsync("de-bka", "Bundeskriminalamt", "DE", _clock);

        // GB holds 300 FEBRL originals; NL holds their 300 corrupted duplicates and 100 other people.
        var originals = FebrlPersons.Read("dataset4a.csv", "gb-").Take(Shared).ToList();
        var people = originals.Select(o => FebrlPersons.Person(o.RecId)).ToHashSet();
        var b = FebrlPersons.Read("dataset4b.csv", "nl-");
        var duplicates = b.Where(d => people.Contains(FebrlPersons.Person(d.RecId))).ToList();
        var others = b.Where(d => !people.Contains(FebrlPersons.Person(d.RecId))).Take(100).ToList();
        _truePairs = duplicates.Select(d => FebrlPersons.Person(d.RecId)).ToHashSet();
        await _gb.ImportAsync("GB-1", "gb.jsonl", originals.Select(o => o.Line).ToArray());
        await _nl.ImportAsync("NL-1", "nl.jsonl", duplicates.Concat(others).Select(d => d.Line).ToArray());
        await _de.ImportAsync("DE-1", "de.jsonl", originals.Take(5).Select(o => o.Line.Replace("\"gb-", "\"de-", StringComparison.Ordinal)).ToArray());
        foreach (var (node, caseId) in new[] { (_gb, "GB-1"), (_nl, "NL-1"), (_de, "DE-1") })
        {
            await node.AddUserAsync("investigator", "investigator", caseId);
            Directory.CreateDirectory(Path.Combine(node.Config.Directory, "linkage"));
            await File.WriteAllTextAsync(Path.Combine(node.Config.Directory, "linkage", "clk-secret"), Secret);
            await node.TrustAsync(_hub);
            await _hub.TrustAsync(node);
        }
        await _gb.TrustAsync(_nl); // so the NL node also answers as a (non-hub) peer below
        await _nl.TrustAsync(_gb);
        await _hub.StartAsync(s => s.Configure<LinkageHubOptions>(o =>
        {
            o.Enabled = true;
            o.Threshold = 0.75;
        }));
        await _gb.StartAsync();
        await _nl.StartAsync();
        await _de.StartAsync();
    }

    [Fact]
    public async Task Each_participant_gets_only_its_own_linked_records_and_the_links_are_the_febrl_pairs()
    {
        var gb = await _gb.SignInAsync("investigator");
        var nl = await _nl.SignInAsync("investigator");

        var first = await Upload(gb, "GB-1", "nl-politie");
        Assert.Equal(Shared, first.Uploaded);
        Assert.Equal(["nl-politie"], first.WaitingFor);
        var waiting = await Result(gb, "GB-1");
        Assert.False(waiting.Complete);
        Assert.Empty(waiting.Links);
        var second = await Upload(nl, "NL-1", "gb-nca");
        Assert.Empty(second.WaitingFor);

        var gbBody = await gb.GetStringAsync($"/api/cases/GB-1/linkage/{Run}?hub=eu-hub&purpose=criminal-investigation");
        var nlBody = await nl.GetStringAsync($"/api/cases/NL-1/linkage/{Run}?hub=eu-hub&purpose=criminal-investigation");
        var gbResult = JsonSerializer.Deserialize<LinkageCaseResult>(gbBody, JsonSerializerOptions.Web)!;
        var nlResult = JsonSerializer.Deserialize<LinkageCaseResult>(nlBody, JsonSerializerOptions.Web)!;

        Assert.True(gbResult.Complete);
        Assert.All(gbResult.Links, l => Assert.StartsWith("gb-", l.RecordId, StringComparison.Ordinal));
        Assert.All(nlResult.Links, l => Assert.StartsWith("nl-", l.RecordId, StringComparison.Ordinal));
        Assert.DoesNotContain("\"nl-rec", gbBody, StringComparison.Ordinal);
        Assert.DoesNotContain("\"gb-rec", nlBody, StringComparison.Ordinal);
        // Joined through the opaque references each side sees of the other: the pairs found, against FEBRL's truth.
        var nlByRef = nlResult.Links.ToDictionary(l => l.MyRef, l => l.RecordId);
        var pairs = gbResult.Links.Select(l => (Gb: FebrlPersons.Person(l.RecordId[3..]), Nl: FebrlPersons.Person(nlByRef[l.PeerRef][3..]))).ToList();
        var correct = pairs.Count(p => p.Gb == p.Nl && _truePairs.Contains(p.Gb));
        Assert.Equal(gbResult.Links.Count, nlResult.Links.Count);
        Assert.True(correct >= pairs.Count * 0.99, $"precision {correct}/{pairs.Count}");
        // Names and birth date only (a Person record has no FEBRL address columns): measured 265 of 266 links correct, 265 of 300 pairs found.
        Assert.True(correct >= _truePairs.Count * 0.85, $"recall {correct}/{_truePairs.Count}");
    }

    [Fact]
    public async Task The_hub_journals_counts_and_node_ids_and_never_a_record_id_or_name()
    {
        var gb = await _gb.SignInAsync("investigator");
        var nl = await _nl.SignInAsync("investigator");
        await Upload(gb, "GB-1", "nl-politie");
        await Upload(nl, "NL-1", "gb-nca");
        await Result(gb, "GB-1");

        var ledger = await _hub.LedgerAsync();
        Assert.Equal(["linkage.upload-part", "linkage.upload-part", "linkage.result-request"], ledger.Select(e => e.Event.Detail["action"]));
        var text = string.Join('\n', ledger.Select(e => e.Payload));
        Assert.DoesNotContain("rec-", text, StringComparison.Ordinal);
        Assert.DoesNotContain("michaela", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("neumann", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_peer_of_the_hub_that_is_not_a_participant_is_refused_the_result()
    {
        await Upload(await _gb.SignInAsync("investigator"), "GB-1", "nl-politie");

        var response = await (await _de.SignInAsync("investigator")).GetAsync($"/api/cases/DE-1/linkage/{Run}?hub=eu-hub&purpose=criminal-investigation");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(403, problem.GetProperty("peerStatus").GetInt32());
        Assert.Equal("linkage-not-a-participant", problem.GetProperty("peerRule").GetString());
        var denied = Assert.Single(await _hub.LedgerAsync(), e => e.Event.Decision == "deny");
        Assert.Equal(("deny", "linkage-not-a-participant", "peer:de-bka"), (denied.Event.Decision, denied.Event.Rule, denied.Event.Actor));
    }

    [Fact]
    public async Task A_node_not_configured_as_hub_refuses_uploads()
    {
        var response = await (await _gb.SignInAsync("investigator")).PostAsJsonAsync("/api/cases/GB-1/linkage",
            new { hub = "nl-politie", run = Run, participants = new[] { "de-bka" }, purpose = "criminal-investigation" });

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("peerStatus").GetInt32());
    }

    [Fact]
    public async Task An_investigator_who_is_not_a_member_of_the_case_cannot_upload_it()
    {
        var response = await (await _gb.SignInAsync("investigator")).PostAsJsonAsync("/api/cases/NOT-MINE/linkage",
            new { hub = "eu-hub", run = Run, participants = new[] { "nl-politie" }, purpose = "criminal-investigation" });

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, response.StatusCode.ToString());
        Assert.Empty(await _hub.LedgerAsync());
    }

    private static async Task<LinkageReceipt> Upload(HttpClient client, string caseId, string other)
    {
        var response = await client.PostAsJsonAsync($"/api/cases/{caseId}/linkage",
            new { hub = "eu-hub", run = Run, participants = new[] { other }, purpose = "criminal-investigation" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<LinkageReceipt>())!;
    }

    private static async Task<LinkageCaseResult> Result(HttpClient client, string caseId) =>
        (await client.GetFromJsonAsync<LinkageCaseResult>($"/api/cases/{caseId}/linkage/{Run}?hub=eu-hub&purpose=criminal-investigation"))!;

    public async Task DisposeAsync()
    {
        foreach (var node in new[] { _hub, _gb, _nl, _de })
        {
            if (node is not null)
            {
                await node.DisposeAsync();
            }
        }
    }
}
