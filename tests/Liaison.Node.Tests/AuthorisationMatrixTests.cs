using System.Net;
using System.Net.Http.Json;
using System.Text;
using Liaison.Storage.Import;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Node.Tests;

/// <summary>
/// The authorisation matrix: every API endpoint × every role, on the caller's own case and on a case
/// they have no need to know. The endpoint list comes from the running application, so a new endpoint
/// without a row here fails <see cref="Every_endpoint_has_a_row_in_the_matrix"/>.
/// </summary>
public sealed class AuthorisationMatrixTests(AuthorisationMatrixTests.Fixture fixture) : IClassFixture<AuthorisationMatrixTests.Fixture>
{
    private const string Secret = "Secret Foreign Witness";

    public sealed class Fixture : IAsyncLifetime
    {
        public RunningNode Node { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Node = await RunningNode.StartAsync();
            var import = new ImportService(Node.Node.Config, Node.Node.Clock);
            await import.ImportAsync(() => Utf8("""{"id":"c1-person","schema":"Person","properties":{"name":["Own Case Suspect"],"phone":["+40 721 234 567"]}}""" + "\n" + """{"id":"c1-other","schema":"Person","properties":{"name":["Own Case Other"]}}"""), "c1.jsonl", new ImportOptions { ImportedBy = "t", CaseId = "C1" });
            await import.ImportAsync(() => Utf8("{\"id\":\"c2-secret\",\"schema\":\"Person\",\"properties\":{\"name\":[\"" + Secret + "\"],\"phone\":[\"+40 721 999 888\"]}}\n{\"id\":\"c2-other\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Other\"]}}"), "c2.jsonl", new ImportOptions { ImportedBy = "t", CaseId = "C2" });
            var locker = Node.Services.GetRequiredService<Liaison.Storage.Evidence.EvidenceLocker>();
            foreach (var c in new[] { "C1", "C2" })
            {
                await locker.AddAsync(new Liaison.Storage.Evidence.EvidenceIntake { CaseId = c, Actor = "t", FileName = c + ".bin" }, new MemoryStream(EvidenceBytes(c)));
            }
            await Requests.RequestMatrixRows.SeedAsync(Node);
            // Decisions d1 (C1) and d2 (C2) for the revoke row: the first permitted caller revokes, the next gets 409.
            await using var db = Node.Node.Db();
            foreach (var (c, a, b) in new[] { ("C1", "c1-person", "c1-other"), ("C2", "c2-secret", "c2-other") })
            {
                db.Add(new Liaison.Storage.Resolution.ResolutionDecisionRow { CaseId = c, Kind = "merge", RecordA = a, RecordB = b, DecidedBy = "t", DecidedAt = Node.Node.Clock.GetUtcNow(), Reason = "matrix" });
                await db.SaveChangesAsync();
            }
        }

        public async Task DisposeAsync() => await Node.DisposeAsync();

        private static MemoryStream Utf8(string s) => new(Encoding.UTF8.GetBytes(s + "\n"));
    }

    private static byte[] EvidenceBytes(string caseId) => Encoding.UTF8.GetBytes("evidence held in " + caseId);

    private static string EvidenceOf(string caseId) => "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(EvidenceBytes(caseId)));

    private static readonly string[] Users = ["investigator", "analyst", "supervisor", "liaison-officer", "dpo", "admin", "outsider"];

    /// <summary>
    /// One row per endpoint: how to call it for a case, and who may (members of C1: investigator,
    /// analyst, supervisor; of C2: outsider). Requests must not change who may see what (the member row
    /// adds the admin, whose role never reaches content).
    /// </summary>
    private sealed record Row(string Method, string Pattern, Func<string, HttpRequestMessage> Request, Func<string, string, bool> Allowed, bool PermitMeansSuccess = true);

    private static readonly Row[] Matrix =
    [
        new("GET", "/api/purposes", _ => Get("/api/purposes"), (_, _) => true),
        new("GET", "/openapi/{documentName}.json", _ => Get("/openapi/v1.json"), (_, _) => true),
        new("GET", "/api/cases/", _ => Get("/api/cases"), (u, _) => u is not ("dpo" or "admin")),
        new("POST", "/api/cases/", c => Post("/api/cases", new { id = "N-" + Guid.NewGuid().ToString("N")[..8], title = "t" }), (u, _) => u is "investigator" or "analyst" or "outsider"),
        new("POST", "/api/cases/{caseId}/members", c => Post($"/api/cases/{c}/members", new { userName = "admin", purpose = "criminal-investigation" }), (u, c) => Imports(u) && Member(u, c)),
        new("POST", "/api/cases/{caseId}/imports", c => new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{c}/imports?fileName=x{Guid.NewGuid():N}.csv&purpose=criminal-investigation")
            { Content = new StringContent($"caller,callee,start,duration\n+447911123456,+447400123456,2026-01-0{Random.Shared.Next(1, 9)}T10:00:00Z,{Random.Shared.Next(1, 999)}\n") }, (u, c) => Imports(u) && Member(u, c)),
        new("GET", "/api/entities/", c => Get($"/api/entities?q=0040721&caseId={c}&purpose=criminal-investigation"), (u, c) => Reads(u) && Sees(u, c)),
        new("GET", "/api/entities/{id}", c => Get($"/api/entities/{(c == "C1" ? "c1-person" : "c2-secret")}?purpose=criminal-investigation"), (u, c) => Reads(u) && Sees(u, c)),
        new("GET", "/api/stats/", _ => Get("/api/stats"), (u, _) => u is "supervisor" or "dpo" or "admin"),
        new("GET", "/api/stats/audit", _ => Get("/api/stats/audit"), (u, _) => u is "dpo"),
        new("GET", "/api/ledger/checkpoint", _ => Get("/api/ledger/checkpoint"), (u, _) => u is "dpo"),
        new("GET", "/api/ledger/proof/inclusion", _ => Get("/api/ledger/proof/inclusion?index=0"), (u, _) => u is "dpo"),
        new("GET", "/api/ledger/proof/consistency", _ => Get("/api/ledger/proof/consistency?from=1&to=1"), (u, _) => u is "dpo"),
        new("POST", "/api/ledger/verify", _ => new HttpRequestMessage(HttpMethod.Post, "/api/ledger/verify"), (u, _) => u is "dpo" or "admin"),
        new("GET", "/api/cases/{caseId}/analysis", c => Get($"/api/cases/{c}/analysis?purpose=criminal-investigation"), (u, c) => Reads(u) && Sees(u, c)),
        new("GET", "/api/cases/{caseId}/analysis", c => Get($"/api/cases/{c}/analysis?format=graphml&purpose=criminal-investigation"), (u, c) => u is "investigator" or "supervisor" or "outsider" && Sees(u, c)),
        new("GET", "/api/cases/{caseId}/analysis/path", c => Get($"/api/cases/{c}/analysis/path?from={(c == "C1" ? "c1-person" : "c2-secret")}&to={(c == "C1" ? "c1-person" : "c2-secret")}&purpose=criminal-investigation"), (u, c) => Reads(u) && Sees(u, c)),
        new("GET", "/api/cases/{caseId}/subjects", c => Get($"/api/cases/{c}/subjects?purpose=criminal-investigation&all=true"), (u, c) => Reads(u) && Sees(u, c)),
        // A decision writes into the case (decided like an import).
        new("POST", "/api/cases/{caseId}/subjects/decisions", c => Post($"/api/cases/{c}/subjects/decisions", new { kind = "split", recordA = c == "C1" ? "c1-person" : "c2-secret", recordB = c == "C1" ? "c1-other" : "c2-other", reason = "matrix", purpose = "criminal-investigation" }),
            (u, c) => Imports(u) && Member(u, c)),
        new("POST", "/api/cases/{caseId}/subjects/decisions/{decisionId}/revoke", c => Post($"/api/cases/{c}/subjects/decisions/d{(c == "C1" ? 1 : 2)}/revoke", new { purpose = "criminal-investigation" }),
            (u, c) => Imports(u) && Member(u, c), PermitMeansSuccess: false),
        new("POST", "/api/cases/{caseId}/evidence", c => new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{c}/evidence?fileName=e.bin&purpose=criminal-investigation")
            { Content = new ByteArrayContent(Guid.NewGuid().ToByteArray()) }, (u, c) => Imports(u) && Member(u, c)),
        new("GET", "/api/cases/{caseId}/evidence", c => Get($"/api/cases/{c}/evidence?purpose=criminal-investigation"), (u, c) => Reads(u) && Sees(u, c)),
        new("GET", "/api/cases/{caseId}/evidence/{digest}", c => Get($"/api/cases/{c}/evidence/{EvidenceOf(c)}?purpose=criminal-investigation"), (u, c) => Reads(u) && Sees(u, c)),
        new("GET", "/api/cases/{caseId}/evidence/{digest}/custody", c => Get($"/api/cases/{c}/evidence/{EvidenceOf(c)}/custody?purpose=criminal-investigation"),
            (u, c) => Reads(u) && Sees(u, c)),
        new("GET", "/api/ledger/witness/alerts", _ => Get("/api/ledger/witness/alerts"), (u, _) => u is "dpo" or "admin"),
        // This fixture's node has no exchange identity, so a permitted run ends in 503; the federation tests cover success.
        new("POST", "/api/cases/{caseId}/hit-no-hit", c => Post($"/api/cases/{c}/hit-no-hit", new { peer = "nl-politie", purpose = "criminal-investigation", kinds = new[] { "phone" } }),
            (u, c) => u is "investigator" or "analyst" or "supervisor" or "outsider" && Member(u, c), PermitMeansSuccess: false),
        new("GET", "/api/exchange/outbox", _ => Get("/api/exchange/outbox?state=dead"), (u, _) => u is "admin"),
        // No dead letter here: a permitted retry answers 409, the exchange tests cover success.
        new("POST", "/api/exchange/outbox/{id}/retry", _ => new HttpRequestMessage(HttpMethod.Post, "/api/exchange/outbox/no-such-id/retry"), (u, _) => u is "admin",
            PermitMeansSuccess: false),
        new("POST", "/api/cases/{caseId}/linkage", c => Post($"/api/cases/{c}/linkage", new { hub = "eu-hub", run = "r1", participants = new[] { "nl-politie" }, purpose = "criminal-investigation" }),
            (u, c) => u is "investigator" or "analyst" or "supervisor" or "outsider" && Member(u, c), PermitMeansSuccess: false),
        new("GET", "/api/cases/{caseId}/linkage/{run}", c => Get($"/api/cases/{c}/linkage/r1?hub=eu-hub&purpose=criminal-investigation"),
            (u, c) => u is "investigator" or "analyst" or "supervisor" or "outsider" && Member(u, c), PermitMeansSuccess: false),
        // The linkage hub's runs: node ids and counts, for the node operator only.
        new("GET", "/api/linkage-hub/runs", _ => Get("/api/linkage-hub/runs"), (u, _) => u is "admin"),
        // Retention and policy checks: the DPO for every case (envelopes and decisions, never content), a supervisor for the cases they see.
        new("GET", "/api/policy/check", c => Get($"/api/policy/check?as=investigator&record={(c == "C1" ? "c1-person" : "c2-secret")}&purpose=criminal-investigation"),
            (u, c) => u is "dpo" || (u is "supervisor" && Member(u, c))),
        new("GET", "/api/retention/overdue", _ => Get("/api/retention/overdue"), (u, _) => u is "supervisor" or "dpo"),
        new("POST", "/api/retention/{recordId}/extend", c => Post($"/api/retention/{(c == "C1" ? "c1-person" : "c2-secret")}/extend", new { until = "2029-06-01", reason = "matrix" }),
            (u, c) => u is "dpo" || (u is "supervisor" && Member(u, c))),
        new("GET", "/api/cases/{caseId}/messages", c => Get($"/api/cases/{c}/messages?purpose=criminal-investigation"), (u, c) => Reads(u) && Sees(u, c)),
        // nl-politie is not a peer of this node: a caller who may share gets 400 naming the peer, the others 403/404.
        new("POST", "/api/cases/{caseId}/messages", c => Post($"/api/cases/{c}/messages", new { peer = "nl-politie", text = "t", recordIds = new[] { c == "C1" ? "c1-person" : "c2-secret" }, purpose = "criminal-investigation" }),
            (u, c) => Shares(u) && Sees(u, c), PermitMeansSuccess: false),
        new("POST", "/api/cases/{caseId}/records/{recordId}/update", c => new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{c}/records/{(c == "C1" ? "c1-person" : "c2-secret")}/update?purpose=criminal-investigation"),
            (u, c) => Shares(u) && Sees(u, c)),
        new("POST", "/api/cases/{caseId}/records/{recordId}/withdraw", c => new HttpRequestMessage(HttpMethod.Post, $"/api/cases/{c}/records/{(c == "C1" ? "c1-person" : "c2-secret")}/withdraw?purpose=criminal-investigation"),
            (u, c) => Shares(u) && Sees(u, c)),
        new("POST", "/api/retention/purge", _ => new HttpRequestMessage(HttpMethod.Post, "/api/retention/purge"), (u, _) => u is "dpo"),
        // Data-access requests (docs/requests.md): rows in Requests/RequestMatrixRows.cs.
        .. Requests.RequestMatrixRows.All().Select(r => new Row(r.Method, r.Pattern, r.Request, r.Allowed, r.PermitMeansSuccess)),
    ];

    /// <summary>Reachable without signing in, on purpose: health, and exchanging a password for a token.</summary>
    private static readonly string[] Anonymous = ["GET /health/live", "GET /health/ready", "POST /api/auth/token",
        // Authenticated by the signed envelope it carries, not by a user (docs/matching.md, "Hit/no-hit between nodes").
        "POST /federation/psi", "POST /federation/linkage",
        // A peer node, authenticated by its signed Liaison-Ledger-Keys statement (docs/ledger.md, "Witnessing between nodes").
        "POST /api/ledger/witness/add-checkpoint",

        // Likewise: case messages and other durable messages from peers (docs/exchange.md).
        "POST /federation/messages"];

    private static bool Reads(string u) => u is "investigator" or "analyst" or "supervisor" or "liaison-officer" or "outsider";
    private static bool Imports(string u) => u is "investigator" or "analyst" or "outsider";
    private static bool Member(string u, string c) => c == "C1" ? u is "investigator" or "analyst" or "supervisor" : u is "outsider";
    // The liaison desk sees every case of its agency (policy/default.yaml, need-to-know "liaison-desk-sees-agency").
    private static bool Shares(string u) => u is "supervisor" or "liaison-officer";
    private static bool Sees(string u, string c) => Member(u, c) || u == "liaison-officer";

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);
    private static HttpRequestMessage Post(string url, object body) => new(HttpMethod.Post, url) { Content = JsonContent.Create(body) };

    [Fact]
    public void Every_endpoint_has_a_row_in_the_matrix()
    {
        var endpoints = fixture.Node.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } p && (p.StartsWith("/api", StringComparison.Ordinal) || p.StartsWith("/openapi", StringComparison.Ordinal) || p.StartsWith("/health", StringComparison.Ordinal) || p.StartsWith("/federation", StringComparison.Ordinal)))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {Normalise(e.RoutePattern.RawText!)}"))
            .ToHashSet();
        var covered = Matrix.Select(r => $"{r.Method} {Normalise(r.Pattern)}").Concat(Anonymous).ToHashSet();

        Assert.Empty(endpoints.Except(covered));
    }

    public static TheoryData<int, string, string> Cells()
    {
        var data = new TheoryData<int, string, string>();
        for (var i = 0; i < Matrix.Length; i++)
        {
            foreach (var user in Users)
            {
                foreach (var c in new[] { "C1", "C2" })
                {
                    data.Add(i, user, c);
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Each_role_gets_exactly_what_the_matrix_says_and_nothing_leaks(int row, string user, string caseId)
    {
        var entry = Matrix[row];
        var client = await fixture.Node.As(user);

        var response = await client.SendAsync(entry.Request(caseId));
        var body = await response.Content.ReadAsStringAsync();

        var allowed = entry.Allowed(user, caseId);
        var denied = (int)response.StatusCode is 401 or 403 or 404;
        var why = $"{entry.Method} {entry.Pattern} as {user} on {caseId}: {(int)response.StatusCode} {body}";
        Assert.True(allowed ? (entry.PermitMeansSuccess ? response.IsSuccessStatusCode : !denied) : (int)response.StatusCode is 403 or 404, why);
        if (!Sees(user, "C2") || user is "dpo" or "admin")
        {
            Assert.DoesNotContain(Secret, body, StringComparison.Ordinal);
            Assert.DoesNotContain("+40721999888", body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_record_the_caller_may_not_see_answers_exactly_like_one_that_does_not_exist()
    {
        var client = await fixture.Node.As("investigator");
        var hidden = await client.GetAsync("/api/entities/c2-secret?purpose=criminal-investigation");
        var missing = await client.GetAsync("/api/entities/no-such-record?purpose=criminal-investigation");

        Assert.Equal(missing.StatusCode, hidden.StatusCode);
        Assert.Equal(WithoutTrace((await missing.Content.ReadAsStringAsync()).Replace("no-such-record", "X", StringComparison.Ordinal)),
            WithoutTrace((await hidden.Content.ReadAsStringAsync()).Replace("c2-secret", "X", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_header_or_flag_claiming_privileged_sync_changes_nothing()
    {
        var client = await fixture.Node.As("investigator");
        var request = Get("/api/entities/c2-secret?purpose=criminal-investigation&sync=true&admin=true");
        request.Headers.Add("X-Liaison-Sync", "true");
        request.Headers.Add("X-Forwarded-User", "dpo");
        request.Headers.Add("X-Liaison-Role", "admin");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Counts_reveal_nothing_of_cases_the_caller_does_not_know()
    {
        var client = await fixture.Node.As("investigator");
        var cases = await client.GetStringAsync("/api/cases");
        Assert.DoesNotContain("C2", cases, StringComparison.Ordinal);
        var search = await client.GetAsync("/api/entities?q=Secret&caseId=C2&purpose=criminal-investigation");
        var unknown = await client.GetAsync("/api/entities?q=Secret&caseId=NO-SUCH-CASE&purpose=criminal-investigation");
        Assert.Equal(unknown.StatusCode, search.StatusCode);
    }

    private static string WithoutTrace(string body) => System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "");

    private static string Normalise(string pattern) => pattern.TrimEnd('/');
}
