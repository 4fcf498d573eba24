using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Liaison.Ledger.Entries;

namespace Liaison.Node.Tests.Federation;

/// <summary>An investigator at the NCA asks the Dutch police which of a case's phones and e-mails they also hold.</summary>
[Collection(FederationCollection.Name)]
public sealed class HitNoHitTests(FederationFixture nodes)
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Hits_are_exactly_the_planted_shared_identifiers_mapped_to_the_querier_records()
    {
        var client = await nodes.Gb.SignInAsync(FederationFixture.Investigator);

        var response = await client.PostAsJsonAsync($"/api/cases/{FederationFixture.GbCase}/hit-no-hit",
            new { peer = "nl-politie", purpose = "criminal-investigation", kinds = new[] { "phone", "email" }, mode = "intersection" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<JsonElement>(Web))!;
        var hits = result.GetProperty("hits").EnumerateArray()
            .ToDictionary(h => (h.GetProperty("kind").GetString()!, h.GetProperty("value").GetString()!),
                h => h.GetProperty("recordIds").EnumerateArray().Select(r => r.GetString()!).ToArray());
        Assert.Equal(FederationFixture.PlantedIntersection.Keys.Order(), hits.Keys.Order());
        foreach (var (identifier, records) in FederationFixture.PlantedIntersection)
        {
            Assert.Equal(records, hits[identifier]);
        }
        Assert.Equal("nl-politie", result.GetProperty("peer").GetString());
        Assert.Equal(FederationFixture.GbDistinctIdentifiers, result.GetProperty("asked").GetInt32());
        Assert.Equal(FederationFixture.PlantedIntersection.Count, result.GetProperty("matchCount").GetInt32());
    }

    [Fact]
    public async Task Cardinality_mode_returns_only_the_count()
    {
        var client = await nodes.Gb.SignInAsync(FederationFixture.Investigator);

        var response = await client.PostAsJsonAsync($"/api/cases/{FederationFixture.GbCase}/hit-no-hit",
            new { peer = "nl-politie", purpose = "criminal-investigation", kinds = new[] { "phone", "email" }, mode = "cardinality" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        var result = JsonDocument.Parse(body).RootElement;
        Assert.Equal("cardinality", result.GetProperty("mode").GetString());
        Assert.Equal(FederationFixture.PlantedIntersection.Count, result.GetProperty("matchCount").GetInt32());
        Assert.Empty(result.GetProperty("hits").EnumerateArray());
        Assert.DoesNotContain("+31612345678", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_holder_journals_the_decision_and_a_run_with_counts_and_never_an_identifier()
    {
        var client = await nodes.Gb.SignInAsync(FederationFixture.Investigator);
        var response = await client.PostAsJsonAsync($"/api/cases/{FederationFixture.GbCase}/hit-no-hit",
            new { peer = "nl-politie", purpose = "criminal-investigation", kinds = new[] { "phone", "email" } });
        var session = (await response.Content.ReadFromJsonAsync<JsonElement>(Web)).GetProperty("sessionId").GetString();

        var ledger = await nodes.Nl.LedgerAsync();

        var run = Assert.Single(ledger, e => e.Event.Type == LedgerEventType.HitRun && e.Event.Detail["session"] == session).Event;
        Assert.Equal("peer:gb-nca", run.Actor);
        Assert.Equal("gb-nca:" + FederationFixture.GbCase, run.Case);
        Assert.Equal("eu-to-gb-adequacy", run.Rule);
        Assert.Equal("holder", run.Detail["role"]);
        Assert.Equal(FederationFixture.GbDistinctIdentifiers.ToString(System.Globalization.CultureInfo.InvariantCulture), run.Detail["asked"]);
        Assert.False(run.Detail.ContainsKey("matchCount"));
        Assert.Empty(run.Subjects);
        Assert.Contains(ledger, e => e.Event.Type == LedgerEventType.Share && e.Event.Actor == "peer:gb-nca" && e.Event.Decision == "permit"
                                     && e.Event.Rule == "eu-to-gb-adequacy");
        foreach (var value in FederationFixture.PersonalValues)
        {
            Assert.DoesNotContain(ledger, e => e.Payload.Contains(value, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task The_querier_journals_the_run_and_each_hit_by_record_id_without_its_value()
    {
        var client = await nodes.Gb.SignInAsync(FederationFixture.Investigator);
        var response = await client.PostAsJsonAsync($"/api/cases/{FederationFixture.GbCase}/hit-no-hit",
            new { peer = "nl-politie", purpose = "criminal-investigation", kinds = new[] { "phone", "email" } });
        var session = (await response.Content.ReadFromJsonAsync<JsonElement>(Web)).GetProperty("sessionId").GetString();

        var ledger = await nodes.Gb.LedgerAsync();

        var run = Assert.Single(ledger, e => e.Event.Type == LedgerEventType.HitRun && e.Event.Detail.GetValueOrDefault("session") == session).Event;
        Assert.Equal("hit", run.Decision);
        Assert.Equal(FederationFixture.PlantedIntersection.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), run.Detail["matchCount"]);
        var hits = ledger.Where(e => e.Event.Type == LedgerEventType.Hit && e.Event.Detail["session"] == session).Select(e => e.Event).ToList();
        Assert.Equal(FederationFixture.PlantedIntersection.Values.Select(ids => string.Join(',', ids)).Order(),
            hits.Select(h => string.Join(',', h.Subjects)).Order());
        Assert.All(hits, h => Assert.Equal("nl-politie", h.Detail["peer"]));
        foreach (var value in FederationFixture.PersonalValues)
        {
            Assert.DoesNotContain(ledger, e => e.Payload.Contains(value, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task An_answer_to_a_us_peer_carries_the_handling_code_its_rule_adds()
    {
        var result = await nodes.Us.MatchAsync(FederationFixture.Investigator, "US-1", "nl-politie", "criminal-investigation");

        Assert.Equal(["u1"], Assert.Single(result.Hits).RecordIds);
        Assert.Equal("H0,H1", result.Handling);
        var audit = await nodes.Nl.AuditAsync();
        Assert.Contains(audit, a => a.Actor == "peer:us-fbi" && a.Action == "share" && a.Decision == "permit" && a.Rule == "eu-to-us-umbrella");
    }

    [Fact]
    public async Task A_case_without_identifiers_of_the_kinds_asked_sends_nothing()
    {
        var client = await nodes.Gb.SignInAsync(FederationFixture.Investigator);

        var response = await client.PostAsJsonAsync($"/api/cases/{FederationFixture.GbCase}/hit-no-hit",
            new { peer = "nl-politie", purpose = "criminal-investigation", kinds = new[] { "iban" } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("nothing-to-match", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_querier_own_policy_decides_first_and_a_non_member_learns_nothing()
    {
        await nodes.Gb.AddUserAsync("other-investigator", "investigator", "GB-OTHER");
        var client = await nodes.Gb.SignInAsync("other-investigator");

        var response = await client.PostAsJsonAsync($"/api/cases/{FederationFixture.GbCase}/hit-no-hit",
            new { peer = "nl-politie", purpose = "criminal-investigation" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var audit = await nodes.Gb.AuditAsync();
        Assert.Contains(audit, a => a.Actor == "other-investigator" && a.Action == "run-match" && a.Decision == "deny" && a.Rule == "need-to-know");
    }
}
