using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Liaison.Storage.Import;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Tests.Analysis;

/// <summary>
/// The analysis API on a small case: key players, communities and components with the most
/// restrictive marking of the records used; paths; exports for Gephi and Cytoscape; and nothing of a
/// case the caller may not see.
/// </summary>
public sealed class CaseAnalysisApiTests(CaseAnalysisApiTests.Fixture fixture) : IClassFixture<CaseAnalysisApiTests.Fixture>
{
    private const string Purpose = "purpose=criminal-investigation";
    private readonly RunningNode _node = fixture.Node;

    public sealed class Fixture : IAsyncLifetime
    {
        public RunningNode Node { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Node = await RunningNode.StartAsync();
            var import = new ImportService(Node.Node.Config, Node.Node.Clock);
            // Two cells (Ann's and Carl's) joined through Bob; Dora alone; a link to a record of case C2.
            string[] c1 =
            [
                """{"id":"ann","schema":"Person","properties":{"name":["Ann Broker"]}}""",
                """{"id":"bob","schema":"Person","properties":{"name":["Bob Courier"]}}""",
                """{"id":"carl","schema":"Person","properties":{"name":["Carl Supplier"]},"liaison":{"tlp":"AMBER+STRICT","handling":"H2"}}""",
                """{"id":"dora","schema":"Person","properties":{"name":["Dora Alone"]}}""",
                """{"id":"eve","schema":"Person","properties":{"name":["Eve Runner"]}}""",
                """{"id":"ph-ann","schema":"Phone","properties":{"number":["+447911123456"]}}""",
                """{"id":"ph-bob","schema":"Phone","properties":{"number":["+447400123456"]}}""",
                """{"id":"u1","schema":"Use","properties":{"user":["ann"],"thing":["ph-ann"]}}""",
                """{"id":"u2","schema":"Use","properties":{"user":["bob"],"thing":["ph-bob"]}}""",
                """{"id":"call1","schema":"Call","properties":{"caller":["ph-ann"],"receiver":["ph-bob"]}}""",
                """{"id":"call2","schema":"Call","properties":{"caller":["ph-bob"],"receiver":["ph-ann"]}}""",
                """{"id":"a1","schema":"Associate","properties":{"person":["bob"],"associate":["carl"]}}""",
                """{"id":"a2","schema":"Associate","properties":{"person":["carl"],"associate":["eve"]}}""",
                """{"id":"a3","schema":"Associate","properties":{"person":["ann"],"associate":["eve"]}}""",
                """{"id":"a4","schema":"Associate","properties":{"person":["ann"],"associate":["c2-hidden"]}}""",
                """{"id":"nl-red","schema":"Associate","properties":{"person":["eve"],"associate":["ann"]},"liaison":{"tlp":"RED","originAgency":"NL Politie","originNode":"nl-politie"}}""",
            ];
            await import.ImportAsync(() => Utf8(c1), "c1.jsonl", new ImportOptions { ImportedBy = "t", CaseId = "C1" });
            string[] c2 = ["""{"id":"c2-hidden","schema":"Person","properties":{"name":["Hidden Foreign Informant"]},"liaison":{"tlp":"RED","handling":"H3","restriction":"not for analysis"}}"""];
            await import.ImportAsync(() => Utf8(c2), "c2.jsonl", new ImportOptions { ImportedBy = "t", CaseId = "C2" });
        }

        public async Task DisposeAsync() => await Node.DisposeAsync();

        private static MemoryStream Utf8(string[] lines) => new(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
    }

    [Fact]
    public async Task Analysis_lists_key_players_with_scores_communities_with_modularity_and_components()
    {
        var client = await _node.As("analyst");

        var report = await client.GetFromJsonAsync<JsonElement>($"/api/cases/C1/analysis?{Purpose}");

        Assert.Equal(16, report.GetProperty("records").GetInt32());
        Assert.Equal(8, report.GetProperty("nodes").GetInt32()); // 5 persons, 2 phones, c2-hidden named by a link
        var players = report.GetProperty("keyPlayers").EnumerateArray().ToList();
        Assert.Equal(8, players.Count);
        Assert.Equal(1.0, players.Sum(p => p.GetProperty("pageRank").GetDouble()), 9);
        Assert.True(players.Zip(players.Skip(1)).All(p => p.First.GetProperty("pageRank").GetDouble() >= p.Second.GetProperty("pageRank").GetDouble()), "key players are ranked by PageRank");
        Assert.Equal("ann", players[0].GetProperty("id").GetString()); // four ties: phone, Eve twice, the C2 link
        Assert.Equal("Ann Broker", players[0].GetProperty("label").GetString());
        var dora = players.Single(p => p.GetProperty("id").GetString() == "dora");
        Assert.Equal(0, dora.GetProperty("degree").GetInt32());
        Assert.Equal(0.0, dora.GetProperty("betweenness").GetDouble());
        Assert.Equal([7, 1], report.GetProperty("components").EnumerateArray().Select(c => c.GetProperty("size").GetInt32()));
        Assert.InRange(report.GetProperty("modularity").GetDouble(), 0.0, 1.0);
        Assert.Equal(8, report.GetProperty("communities").EnumerateArray().Sum(c => c.GetProperty("size").GetInt32()));
    }

    [Fact]
    public async Task Analysis_carries_the_most_restrictive_marking_of_the_records_used()
    {
        var client = await _node.As("investigator");

        var marking = (await client.GetFromJsonAsync<JsonElement>($"/api/cases/C1/analysis?{Purpose}")).GetProperty("marking");

        // The Dutch record is RED and Carl's H2; the RED H3 record of case C2 is not used, so adds no H3.
        Assert.Equal("TLP:RED", marking.GetProperty("tlp").GetString());
        Assert.Equal("H0,H2", marking.GetProperty("handling").GetString());
    }

    [Fact]
    public async Task Records_of_a_case_the_caller_may_not_see_are_not_in_the_analysis()
    {
        var client = await _node.As("investigator");

        var body = await client.GetStringAsync($"/api/cases/C1/analysis?{Purpose}");

        Assert.DoesNotContain("Hidden Foreign Informant", body, StringComparison.Ordinal);
        var hidden = JsonDocument.Parse(body).RootElement.GetProperty("keyPlayers").EnumerateArray().Single(p => p.GetProperty("id").GetString() == "c2-hidden");
        Assert.Equal("c2-hidden", hidden.GetProperty("label").GetString());
        Assert.Equal("node", hidden.GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_non_member_gets_the_same_answer_as_for_a_case_that_does_not_exist()
    {
        var client = await _node.As("outsider");

        foreach (var path in new[] { "analysis?", "analysis/path?from=ann&to=carl&", "analysis?format=graphml&" })
        {
            var hidden = await client.GetAsync($"/api/cases/C1/{path}{Purpose}");
            var missing = await client.GetAsync($"/api/cases/NO-SUCH-CASE/{path}{Purpose}");

            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
            Assert.Equal(missing.StatusCode, hidden.StatusCode);
            Assert.Equal(Normalise(await missing.Content.ReadAsStringAsync(), "NO-SUCH-CASE"), Normalise(await hidden.Content.ReadAsStringAsync(), "C1"));
        }
    }

    [Fact]
    public async Task Analysis_without_a_purpose_is_denied_and_every_decision_is_journalled()
    {
        var client = await _node.As("analyst");

        var refused = await client.GetAsync("/api/cases/C1/analysis");
        var permitted = await client.GetAsync($"/api/cases/C1/analysis/path?from=ann&to=carl&{Purpose}");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("purpose-required", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, permitted.StatusCode);
        await using var db = _node.Node.Db();
        Assert.True(await db.Audit.AnyAsync(a => a.Actor == "analyst" && a.CaseId == "C1" && a.Decision == "deny" && a.Rule == "purpose-required"));
        Assert.True(await db.Audit.AnyAsync(a => a.Actor == "analyst" && a.CaseId == "C1" && a.Decision == "permit" && a.Detail != null && a.Detail.Contains("network path ann to carl")));
    }

    [Fact]
    public async Task Path_between_two_subjects_lists_each_step_and_the_marking_of_what_it_passes()
    {
        var client = await _node.As("analyst");

        var path = await client.GetFromJsonAsync<JsonElement>($"/api/cases/C1/analysis/path?from=ph-bob&to=carl&{Purpose}");

        Assert.True(path.GetProperty("connected").GetBoolean());
        Assert.Equal(2, path.GetProperty("hops").GetInt32());
        Assert.Equal(["ph-bob", "bob", "carl"], path.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()));
        Assert.Equal("Carl Supplier", path.GetProperty("nodes")[2].GetProperty("label").GetString());
        Assert.Equal(["Use"], path.GetProperty("links")[0].GetProperty("types").EnumerateArray().Select(t => t.GetString()));
        // Carl is AMBER+STRICT; the RED Dutch link between Ann and Eve is not on this path, so does not mark it.
        Assert.Equal("TLP:AMBER+STRICT", path.GetProperty("marking").GetProperty("tlp").GetString());
    }

    [Fact]
    public async Task Path_to_an_isolated_subject_says_not_connected_and_an_unknown_subject_names_the_field()
    {
        var client = await _node.As("analyst");

        var apart = await client.GetFromJsonAsync<JsonElement>($"/api/cases/C1/analysis/path?from=ann&to=dora&{Purpose}");
        var unknown = await client.GetAsync($"/api/cases/C1/analysis/path?from=ann&to=nobody&{Purpose}");

        Assert.False(apart.GetProperty("connected").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("to: no subject 'nobody'", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("graphml", "application/graphml+xml", "<graphml")]
    [InlineData("gexf", "application/gexf+xml", "<gexf")]
    [InlineData("cytoscape", "application/json", "\"elements\"")]
    public async Task Export_writes_the_network_for_gephi_and_cytoscape_with_its_marking(string format, string contentType, string signature)
    {
        var client = await _node.As("investigator");

        var response = await client.GetAsync($"/api/cases/C1/analysis?format={format}&{Purpose}");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(signature, body, StringComparison.Ordinal);
        var fileMarking = format == "cytoscape" ? JsonDocument.Parse(body).RootElement.GetProperty("data").GetProperty("tlp").GetString()! : body;
        Assert.Contains("TLP:AMBER+STRICT", fileMarking, StringComparison.Ordinal);
        // The Dutch TLP:RED record may not be passed on, so it stays out of the file and the file is not RED.
        Assert.Equal("TLP:AMBER+STRICT H0,H2", response.Headers.GetValues("X-Liaison-Marking").Single());
        Assert.Equal("1", response.Headers.GetValues("X-Liaison-Withheld-Records").Single());
        Assert.DoesNotContain("Hidden Foreign Informant", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_is_refused_to_a_role_that_may_not_export_even_though_it_may_analyse()
    {
        var client = await _node.As("analyst");

        var response = await client.GetAsync($"/api/cases/C1/analysis?format=gexf&{Purpose}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("permission-matrix", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_parameters_are_named()
    {
        var client = await _node.As("investigator");

        var format = await client.GetAsync($"/api/cases/C1/analysis?format=pajek&{Purpose}");
        var top = await client.GetAsync($"/api/cases/C1/analysis?top=0&{Purpose}");
        var path = await client.GetAsync($"/api/cases/C1/analysis/path?from=ann&{Purpose}");

        Assert.Equal(HttpStatusCode.BadRequest, format.StatusCode);
        Assert.Contains("format 'pajek'", await format.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, top.StatusCode);
        Assert.Contains("top must be", await top.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, path.StatusCode);
    }

    private static string Normalise(string body, string caseId) =>
        System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "").Replace(caseId, "X", StringComparison.Ordinal);
}
