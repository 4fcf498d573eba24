using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Liaison.Storage.Import;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Tests.Retention;

/// <summary>
/// Retention over HTTP on a served node whose clock stands at 2026-11-20: one record of case C1 is
/// overdue within the grace period (and one more for the extension test), one beyond it, one in force.
/// </summary>
public sealed class RetentionApiTests(RetentionApiTests.Fixture fixture) : IClassFixture<RetentionApiTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public RunningNode Node { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Node = await RunningNode.StartAsync();
            var lines = string.Join('\n',
                """{"id":"c1-hidden","schema":"Person","properties":{"name":["Hidden Witness"],"phone":["+44 7911 123461"]},"liaison":{"subjects":"witness","reviewDate":"2026-11-10"}}""",
                """{"id":"c1-stale","schema":"Person","properties":{"name":["Stale Contact"],"phone":["+44 7911 123462"]},"liaison":{"subjects":"contact","reviewDate":"2026-09-01"}}""",
                """{"id":"c1-extend","schema":"Person","properties":{"name":["Extended Victim"]},"liaison":{"subjects":"victim","reviewDate":"2026-11-12"}}""",
                """{"id":"c1-live","schema":"Person","properties":{"name":["Live Suspect"],"phone":["+44 7911 123463"]},"liaison":{"subjects":"suspect"}}""") + "\n";
            await new ImportService(Node.Node.Config, Node.Node.Clock).ImportAsync(() => new MemoryStream(Encoding.UTF8.GetBytes(lines)), "r.jsonl",
                new ImportOptions { ImportedBy = "t", CaseId = "C1" });
        }

        public async Task DisposeAsync() => await Node.DisposeAsync();
    }

    [Theory]
    [InlineData("/api/entities/c1-hidden?purpose=criminal-investigation")]
    [InlineData("/api/entities/c1-stale?purpose=criminal-investigation")]
    public async Task An_overdue_record_answers_exactly_like_a_missing_one(string url)
    {
        var client = await fixture.Node.As("investigator");

        var hidden = await client.GetAsync(url);
        var missing = await client.GetAsync("/api/entities/no-such-record?purpose=criminal-investigation");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(missing.StatusCode, hidden.StatusCode);
    }

    [Fact]
    public async Task Search_and_case_counts_leave_overdue_records_out()
    {
        var client = await fixture.Node.As("investigator");

        var search = await client.GetStringAsync("/api/entities?q=%2B447911123461&caseId=C1&purpose=criminal-investigation");
        var live = await client.GetStringAsync("/api/entities?q=%2B447911123463&caseId=C1&purpose=criminal-investigation");

        Assert.Equal("[]", search);
        Assert.Contains("c1-live", live, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dpo_review_list_shows_overdue_envelopes_without_content()
    {
        var client = await fixture.Node.As("dpo");

        var body = await client.GetStringAsync("/api/retention/overdue");

        using var json = JsonDocument.Parse(body);
        var ids = json.RootElement.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Contains("c1-hidden", ids);
        Assert.DoesNotContain("c1-live", ids);
        Assert.DoesNotContain("Hidden Witness", body, StringComparison.Ordinal);
        Assert.DoesNotContain("123461", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_extension_needs_a_reason_and_a_date_within_the_policy_and_is_journalled()
    {
        var client = await fixture.Node.As("supervisor");

        var noReason = await client.PostAsJsonAsync("/api/retention/c1-extend/extend", new { until = "2027-03-01", reason = " " });
        var tooLate = await client.PostAsJsonAsync("/api/retention/c1-extend/extend", new { until = "2040-01-01", reason = "trial" });
        var notADate = await client.PostAsJsonAsync("/api/retention/c1-extend/extend", new { until = "next year", reason = "trial" });
        var extended = await client.PostAsJsonAsync("/api/retention/c1-extend/extend", new { until = "2027-03-01", reason = "trial listed for February" });
        var reader = await fixture.Node.As("investigator");
        var visible = await reader.GetAsync("/api/entities/c1-extend?purpose=criminal-investigation");

        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("record 'c1-extend': reason", await noReason.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, tooLate.StatusCode);
        Assert.Contains("until: must be after 2026-11-20", await tooLate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, notADate.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, extended.StatusCode);
        Assert.Equal(HttpStatusCode.OK, visible.StatusCode);
        await using var db = fixture.Node.Node.Db();
        var entry = await db.Audit.AsNoTracking().SingleAsync(a => a.Action == "retention.extend");
        Assert.Equal(("supervisor", "C1"), (entry.Actor, entry.CaseId));
        Assert.Contains("record c1-extend: review 2026-11-12 -> 2027-03-01; reason: trial listed for February", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_investigator_may_not_extend_and_a_supervisor_may_not_reach_a_case_they_do_not_see()
    {
        var investigator = await fixture.Node.As("investigator");
        var outsider = await fixture.Node.As("outsider");

        var denied = await investigator.PostAsJsonAsync("/api/retention/c1-stale/extend", new { until = "2027-03-01", reason = "x" });
        var deniedList = await investigator.GetAsync("/api/retention/overdue");
        var purge = await outsider.PostAsync("/api/retention/purge", null);

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, deniedList.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, purge.StatusCode);
    }

    [Fact]
    public async Task Policy_check_reports_the_decision_rule_and_trail_for_a_stored_record()
    {
        var supervisor = await fixture.Node.As("supervisor");

        var permit = await supervisor.GetFromJsonAsync<JsonElement>("/api/policy/check?as=investigator&record=c1-live&purpose=criminal-investigation");
        var outsider = await supervisor.GetFromJsonAsync<JsonElement>("/api/policy/check?as=outsider&record=c1-live&purpose=criminal-investigation");
        var hidden = await supervisor.GetAsync("/api/policy/check?as=investigator&record=c1-stale&purpose=criminal-investigation");
        var unknownPeer = await supervisor.GetAsync("/api/policy/check?as=investigator&record=c1-live&to=us-fbi&purpose=criminal-investigation");
        var byInvestigator = await (await fixture.Node.As("investigator")).GetAsync("/api/policy/check?as=investigator&record=c1-live&purpose=criminal-investigation");

        Assert.Equal(("Permit", "case-membership", "read-record"), (permit.GetProperty("effect").GetString(), permit.GetProperty("rule").GetString(), permit.GetProperty("action").GetString()));
        Assert.NotEmpty(permit.GetProperty("trail").EnumerateArray());
        Assert.Equal(("Deny", "need-to-know"), (outsider.GetProperty("effect").GetString(), outsider.GetProperty("rule").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, unknownPeer.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byInvestigator.StatusCode);
        await using var db = fixture.Node.Node.Db();
        Assert.True(await db.Audit.AnyAsync(a => a.Action == "policy.check" && a.Actor == "supervisor" && a.Decision == "deny" && a.Rule == "need-to-know"));
    }

    [Fact]
    public async Task The_dpo_purges_now_what_is_overdue_beyond_the_grace_period_only()
    {
        var dpo = await fixture.Node.As("dpo");

        var response = await dpo.PostAsync("/api/retention/purge", null);

        response.EnsureSuccessStatusCode();
        await using var db = fixture.Node.Node.Db();
        Assert.False(await db.Records.AnyAsync(r => r.Id == "c1-stale"));
        Assert.True(await db.Records.AnyAsync(r => r.Id == "c1-hidden"));
        Assert.True(await db.Records.AnyAsync(r => r.Id == "c1-live"));
        // The DPO's act is journalled as a permitted decision; the purge itself may already have been done by
        // the scheduled pass that runs at start-up, so the run's entry names whichever pass purged.
        Assert.True(await db.Audit.AnyAsync(a => a.Action == "purge-records" && a.Actor == "dpo" && a.Decision == "permit"));
        Assert.True(await db.Audit.AnyAsync(a => a.Action == "retention.purge"));
    }
}
