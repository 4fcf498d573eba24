using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Liaison.Storage.Import;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Tests;

/// <summary>Deny by default; need-to-know by case; a purpose on every read; every decision journalled.</summary>
public sealed class AccessTests(AccessTests.Fixture fixture) : IClassFixture<AccessTests.Fixture>
{
    private readonly RunningNode _node = fixture.Node;

    /// <summary>One node for the class: starting one hashes a password per role, which is slow on purpose.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public RunningNode Node { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Node = await RunningNode.StartAsync();
            var line = """{"id":"p1","schema":"Person","properties":{"name":["Ion Popescu"],"phone":["+40 721 234 567"]}}""";
            await new ImportService(Node.Node.Config, Node.Node.Clock).ImportAsync(() => new MemoryStream(Encoding.UTF8.GetBytes(line)), "p.jsonl",
                new ImportOptions { ImportedBy = "investigator", CaseId = "C1" });
        }

        public async Task DisposeAsync() => await Node.DisposeAsync();
    }

    [Theory]
    [InlineData("/api/cases")]
    [InlineData("/api/entities?q=popescu&caseId=C1&purpose=criminal-investigation")]
    [InlineData("/api/entities/p1?purpose=criminal-investigation")]
    [InlineData("/api/stats")]
    [InlineData("/openapi/v1.json")]
    public async Task Every_endpoint_but_health_refuses_anonymous_callers(string path)
    {
        var response = await _node.Anonymous().GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Health_is_anonymous()
    {
        Assert.Equal(HttpStatusCode.OK, (await _node.Anonymous().GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _node.Anonymous().GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task A_case_member_finds_a_person_by_phone_with_a_purpose()
    {
        var client = await _node.As("investigator");
        var results = await client.GetFromJsonAsync<JsonElement>("/api/entities?q=0040721234567&caseId=C1&purpose=criminal-investigation");
        Assert.Equal("p1", results[0].GetProperty("id").GetString());
        Assert.Equal("TLP:AMBER", results[0].GetProperty("tlp").GetString());
    }

    [Fact]
    public async Task A_read_without_a_purpose_is_denied_and_journalled()
    {
        var client = await _node.As("investigator");
        var response = await client.GetAsync("/api/entities/p1");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("policy-denied", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = _node.Node.Db();
        Assert.True(await db.Audit.AnyAsync(a => a.Actor == "investigator" && a.Action == "read-record" && a.Decision == "deny" && a.Rule == "purpose-required"));
    }

    [Fact]
    public async Task An_investigator_on_another_case_can_neither_read_nor_find_the_record()
    {
        var client = await _node.As("outsider");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/entities/p1?purpose=criminal-investigation")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/entities/does-not-exist?purpose=criminal-investigation")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/entities?q=Popescu&caseId=C1&purpose=criminal-investigation")).StatusCode);
        await using var db = _node.Node.Db();
        Assert.True(await db.Audit.AnyAsync(a => a.Actor == "outsider" && a.Decision == "deny" && a.Rule == "need-to-know"));
    }

    [Theory]
    [InlineData("dpo")]
    [InlineData("admin")]
    public async Task Oversight_and_admin_roles_cannot_read_case_content(string role)
    {
        var client = await _node.As(role);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/entities/p1?purpose=criminal-investigation")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/stats")).StatusCode);
    }

    [Fact]
    public async Task A_member_reads_the_record_with_its_envelope()
    {
        var client = await _node.As("analyst");
        var record = await client.GetFromJsonAsync<JsonElement>("/api/entities/p1?purpose=intelligence-analysis");
        Assert.Equal("C1", record.GetProperty("caseId").GetString());
        Assert.Equal("H0", record.GetProperty("handling").GetString());
        Assert.Equal("file:p.jsonl", record.GetProperty("provenance").GetString());
        Assert.Equal("+40 721 234 567", record.GetProperty("properties").GetProperty("phone")[0].GetString());
    }

    [Fact]
    public async Task Uploading_a_file_imports_it_into_the_case()
    {
        var client = await _node.As("investigator");
        var content = new StringContent("caller,callee,start,duration\n+447911123456,+447400123456,2026-01-01T10:00:00Z,60\n");
        var response = await client.PostAsync("/api/cases/C1/imports?fileName=calls.csv&purpose=criminal-investigation", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(1, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accepted").GetInt32());
    }

    [Fact]
    public async Task A_bad_upload_is_a_problem_naming_the_line_and_field()
    {
        var client = await _node.As("investigator");
        var response = await client.PostAsync("/api/cases/C1/imports?fileName=bad.jsonl&purpose=criminal-investigation", new StringContent("{\"id\":\"x\",\"schema\":\"Person\",\"properties\":{\"phone\":[\"12\"]}}\n"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("https://liaison.dev/problems/invalid-record", problem.GetProperty("type").GetString());
        Assert.Contains("bad.jsonl:1: record 'x', field 'phone'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dpo_and_the_admin_can_neither_open_cases_nor_import()
    {
        var admin = await _node.As("admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsJsonAsync("/api/cases", new { id = "C9", title = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync("/api/cases/C1/imports?fileName=x.csv&purpose=criminal-investigation", new StringContent("a"))).StatusCode);
        var dpo = await _node.As("dpo");
        Assert.Equal(HttpStatusCode.Forbidden, (await dpo.PostAsync("/api/cases/C1/imports?fileName=x.csv&purpose=criminal-investigation", new StringContent("a"))).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account()
    {
        var client = _node.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync("/api/auth/token", new { userName = "supervisor", password = "wrong password!!" });
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
        var right = await client.PostAsJsonAsync("/api/auth/token", new { userName = "supervisor", password = RunningNode.Password });
        Assert.Equal((HttpStatusCode)423, right.StatusCode);
        _node.Node.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/api/auth/token", new { userName = "supervisor", password = RunningNode.Password })).StatusCode);
    }

    [Fact]
    public async Task A_search_without_a_case_is_denied_naming_the_rule()
    {
        var client = await _node.As("investigator");
        var response = await client.GetAsync("/api/entities?q=Popescu&purpose=criminal-investigation");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("case-required", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task A_purpose_outside_the_policy_is_denied()
    {
        var client = await _node.As("investigator");
        var response = await client.GetAsync("/api/entities/p1?purpose=curiosity");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("purpose-unknown", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rule").GetString());
    }

    [Fact]
    public async Task Every_decision_is_journalled_with_its_policy_version()
    {
        var client = await _node.As("analyst");
        await client.GetAsync("/api/entities/p1?purpose=intelligence-analysis");
        await using var db = _node.Node.Db();
        var entry = await db.Audit.OrderByDescending(a => a.Id).FirstAsync(a => a.Actor == "analyst" && a.Action == "read-record");
        Assert.Equal("permit", entry.Decision);
        Assert.Contains("2025.1-default", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_token_is_refused()
    {
        var client = _node.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "lsn_forged");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/cases")).StatusCode);
    }
}

/// <summary>The ledger over HTTP: every decision has an entry, oversight can verify it, case workers cannot.</summary>
public sealed class LedgerApiTests(AccessTests.Fixture fixture) : IClassFixture<AccessTests.Fixture>
{
    private readonly RunningNode _node = fixture.Node;

    [Fact]
    public async Task Every_journalled_decision_points_at_a_ledger_entry()
    {
        var client = await _node.As("investigator");
        await client.GetAsync("/api/entities/p1?purpose=criminal-investigation");
        await using var db = _node.Node.Db();
        var rows = await db.Audit.AsNoTracking().ToListAsync();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.NotNull(r.LedgerIndex));
        Assert.Equal(rows.Count, rows.Select(r => r.LedgerIndex).Distinct().Count());
    }

    [Fact]
    public async Task The_dpo_verifies_the_ledger_and_gets_checkable_proofs()
    {
        var investigator = await _node.As("investigator");
        await investigator.GetAsync("/api/entities/p1?purpose=criminal-investigation");
        var dpo = await _node.As("dpo");

        var verify = await (await dpo.PostAsync("/api/ledger/verify", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(verify.GetProperty("intact").GetBoolean());

        var proof = await dpo.GetFromJsonAsync<JsonElement>("/api/ledger/proof/inclusion?index=0");
        var size = proof.GetProperty("treeSize").GetInt64();
        var check = Liaison.Ledger.Merkle.ProofVerifier.VerifyInclusion(0, (ulong)size, Convert.FromHexString(proof.GetProperty("leafHash").GetString()!),
            proof.GetProperty("proof").EnumerateArray().Select(p => Convert.FromHexString(p.GetString()!)).ToList(), Convert.FromHexString(proof.GetProperty("rootHash").GetString()!));
        Assert.True(check.IsValid, check.Failure);
    }

    [Fact]
    public async Task An_investigator_may_not_verify_or_read_the_ledger()
    {
        var client = await _node.As("investigator");
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/ledger/verify", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/ledger/checkpoint")).StatusCode);
    }
}
