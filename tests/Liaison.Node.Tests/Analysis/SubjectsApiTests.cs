using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Liaison.Storage.Import;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Tests.Analysis;

/// <summary>Entity resolution reachable by the analyst: subjects with their evidence, and reversible manual merges and splits.</summary>
public sealed class SubjectsApiTests(SubjectsApiTests.Fixture fixture) : IClassFixture<SubjectsApiTests.Fixture>
{
    private const string Purpose = "criminal-investigation";
    private readonly RunningNode _node = fixture.Node;

    public sealed class Fixture : IAsyncLifetime
    {
        public RunningNode Node { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Node = await RunningNode.StartAsync();
            string[] c1 =
            [
                """{"id":"p1","schema":"Person","properties":{"name":["Ivan Petrov"],"birthDate":["1984-07-21"]}}""",
                """{"id":"p2","schema":"Person","properties":{"name":["PETROV, Ivan"],"birthDate":["1984-07-21"]}}""",
                """{"id":"ph1","schema":"Phone","properties":{"number":["+447911123456"]}}""",
                """{"id":"u1","schema":"Use","properties":{"user":["p1"],"thing":["ph1"]}}""",
                """{"id":"p3","schema":"Person","properties":{"name":["Maria Lopez"],"birthDate":["1990-01-02"]}}""",
                """{"id":"p4","schema":"Person","properties":{"name":["M. L. Garcia"],"birthDate":["1991-03-04"]}}""",
            ];
            await new ImportService(Node.Node.Config, Node.Node.Clock).ImportAsync(() => new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', c1) + "\n")),
                "c1.jsonl", new ImportOptions { ImportedBy = "t", CaseId = "C1" });
        }

        public async Task DisposeAsync() => await Node.DisposeAsync();
    }

    [Fact]
    public async Task Subjects_group_one_persons_records_and_explain_why()
    {
        var client = await _node.As("analyst");

        var result = await client.GetFromJsonAsync<JsonElement>($"/api/cases/C1/subjects?purpose={Purpose}");

        var ivan = Cluster(result, "p1");
        Assert.Equal(["p1", "p2", "ph1"], Members(ivan));
        Assert.Contains(ivan.GetProperty("explanation").EnumerateArray(), e => e.GetString()!.Contains("NameAndBirthDate", StringComparison.Ordinal));
        Assert.Contains(ivan.GetProperty("explanation").EnumerateArray(), e => e.GetString()!.Contains("BelongsTo", StringComparison.Ordinal));
        Assert.Equal("TLP:AMBER", ivan.GetProperty("marking").GetProperty("tlp").GetString());
        Assert.Equal(6, result.GetProperty("records").GetInt32());
    }

    [Fact]
    public async Task A_manual_split_separates_two_records_and_revoking_it_restores_what_the_rules_found()
    {
        var client = await _node.As("analyst");

        var created = await client.PostAsJsonAsync("/api/cases/C1/subjects/decisions", new { kind = "split", recordA = "p1", recordB = "p2", reason = "different fathers' names in the passport scans", purpose = Purpose });
        var decision = await created.Content.ReadFromJsonAsync<JsonElement>();
        var split = await client.GetFromJsonAsync<JsonElement>($"/api/cases/C1/subjects?purpose={Purpose}&all=true");
        var revoked = await client.PostAsJsonAsync($"/api/cases/C1/subjects/decisions/{decision.GetProperty("id").GetString()}/revoke", new { purpose = Purpose });
        var again = await client.PostAsJsonAsync($"/api/cases/C1/subjects/decisions/{decision.GetProperty("id").GetString()}/revoke", new { purpose = Purpose });
        var restored = await client.GetFromJsonAsync<JsonElement>($"/api/cases/C1/subjects?purpose={Purpose}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("analyst", decision.GetProperty("decidedBy").GetString());
        Assert.DoesNotContain("p2", Members(Cluster(split, "p1")));
        Assert.Contains(Cluster(split, "p1").GetProperty("refused").EnumerateArray(), e => e.GetString()!.Contains("p2", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(["p1", "p2", "ph1"], Members(Cluster(restored, "p1")));
        var kept = restored.GetProperty("decisions").EnumerateArray().Single(d => d.GetProperty("id").GetString() == decision.GetProperty("id").GetString());
        Assert.Equal("analyst", kept.GetProperty("revokedBy").GetString());
        await using var db = _node.Node.Db();
        Assert.True(await db.Audit.AnyAsync(a => a.Actor == "analyst" && a.Decision == "permit" && a.Detail != null && a.Detail.Contains("resolution split p1 p2")));
    }

    [Fact]
    public async Task A_manual_merge_joins_two_records_the_rules_keep_apart_and_says_who_and_why()
    {
        var client = await _node.As("investigator");

        var created = await client.PostAsJsonAsync("/api/cases/C1/subjects/decisions", new { kind = "merge", recordA = "p3", recordB = "p4", reason = "one alias: fingerprints match", purpose = Purpose });
        var merged = await client.GetFromJsonAsync<JsonElement>($"/api/cases/C1/subjects?purpose={Purpose}");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var cluster = Cluster(merged, "p3");
        Assert.Equal(["p3", "p4"], Members(cluster));
        Assert.Contains(cluster.GetProperty("explanation").EnumerateArray(), e => e.GetString()!.Contains("ManualMerge", StringComparison.Ordinal) && e.GetString()!.Contains("by investigator: one alias", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_non_member_gets_the_same_answer_as_for_a_case_that_does_not_exist()
    {
        var client = await _node.As("outsider");

        var hidden = await client.GetAsync($"/api/cases/C1/subjects?purpose={Purpose}");
        var missing = await client.GetAsync($"/api/cases/NO-SUCH-CASE/subjects?purpose={Purpose}");
        var write = await client.PostAsJsonAsync("/api/cases/C1/subjects/decisions", new { kind = "merge", recordA = "p1", recordB = "p3", reason = "x", purpose = Purpose });
        var writeMissing = await client.PostAsJsonAsync("/api/cases/NO-SUCH-CASE/subjects/decisions", new { kind = "merge", recordA = "p1", recordB = "p3", reason = "x", purpose = Purpose });

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(Normalise(await missing.Content.ReadAsStringAsync(), "NO-SUCH-CASE"), Normalise(await hidden.Content.ReadAsStringAsync(), "C1"));
        Assert.Equal(HttpStatusCode.NotFound, write.StatusCode);
        Assert.Equal(Normalise(await writeMissing.Content.ReadAsStringAsync(), "NO-SUCH-CASE"), Normalise(await write.Content.ReadAsStringAsync(), "C1"));
    }

    [Fact]
    public async Task A_decision_needs_a_role_that_writes_to_the_case_a_known_record_and_a_reason()
    {
        var supervisor = await _node.As("supervisor");
        var analyst = await _node.As("analyst");

        var denied = await supervisor.PostAsJsonAsync("/api/cases/C1/subjects/decisions", new { kind = "merge", recordA = "p1", recordB = "p3", reason = "x", purpose = Purpose });
        var unknown = await analyst.PostAsJsonAsync("/api/cases/C1/subjects/decisions", new { kind = "merge", recordA = "p1", recordB = "nobody", reason = "x", purpose = Purpose });
        var noReason = await analyst.PostAsJsonAsync("/api/cases/C1/subjects/decisions", new { kind = "merge", recordA = "p1", recordB = "p3", purpose = Purpose });
        var badKind = await analyst.PostAsJsonAsync("/api/cases/C1/subjects/decisions", new { kind = "maybe", recordA = "p1", recordB = "p3", reason = "x", purpose = Purpose });

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("permission-matrix", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("recordB: no record 'nobody'", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("reason:", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badKind.StatusCode);
        Assert.Contains("kind:", await badKind.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static JsonElement Cluster(JsonElement result, string recordId) =>
        result.GetProperty("subjects").EnumerateArray().Single(c => c.GetProperty("records").EnumerateArray().Any(r => r.GetProperty("id").GetString() == recordId));

    private static string[] Members(JsonElement cluster) =>
        cluster.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToArray();

    private static string Normalise(string body, string caseId) =>
        System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "").Replace(caseId, "X", StringComparison.Ordinal);
}
