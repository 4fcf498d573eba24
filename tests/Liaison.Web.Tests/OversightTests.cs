using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Liaison.Web.Tests;

/// <summary>The journal and its verification, oversight statistics, and the admin's users and policy pages.</summary>
[Collection(AccessCollection.Name)]
public sealed class OversightTests(AccessNode web)
{
    [Fact]
    public async Task The_dpo_reads_the_journal_and_verifies_it()
    {
        await using var s = await web.SignInAsync("dpo");
        await s.Page.GotoAsync("/journal");
        await Expect(s.Page.Locator(".journal-table")).ToContainTextAsync("auth.login");

        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Verify the journal" }).ClickAsync();

        var verdict = s.Page.Locator("#verification");
        await Expect(verdict).ToHaveAttributeAsync("data-verdict", "Verified");
        await Expect(verdict).ToContainTextAsync("intact");
        await Expect(verdict).ToContainTextAsync("entries");
        await using var db = web.Db();
        Assert.True(await db.Audit.AnyAsync(a => a.Actor == "dpo" && a.Action == "verify-ledger" && a.Decision == "permit"));
    }

    [Fact]
    public async Task The_journal_filters_by_decision()
    {
        await using var s = await web.SignInAsync("dpo");
        Assert.Equal(403, (await s.Page.GotoAsync("/admin/users"))!.Status);
        await s.Page.GotoAsync("/journal");

        await s.Page.GetByLabel("Decision").SelectOptionAsync("deny");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();

        var decisions = await s.Page.Locator(".journal-table .decision").AllInnerTextsAsync();
        Assert.NotEmpty(decisions);
        Assert.All(decisions, d => Assert.Equal("deny", d));
    }

    [Fact]
    public async Task The_admin_may_verify_but_not_read_the_journal_under_the_default_policy()
    {
        await using var s = await web.SignInAsync("admin");
        await s.Page.GotoAsync("/journal");

        await Expect(s.Page.Locator(".journal-table")).ToHaveCountAsync(0);
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Verify the journal" }).ClickAsync();
        await Expect(s.Page.Locator("#verification")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Oversight_statistics_chart_records_by_type_and_decisions_by_action()
    {
        await using var s = await web.SignInAsync("supervisor");
        Assert.Equal(403, (await s.Page.GotoAsync("/admin/policy"))!.Status);
        await s.Page.GotoAsync("/statistics");

        await Expect(s.Page.Locator("svg.chart")).ToHaveCountAsync(2);
        await Expect(s.Page.Locator("svg.chart").First).ToContainTextAsync("Person");
        await Expect(s.Page.Locator("rect.bar-deny").First).ToBeAttachedAsync();
        await using var db = web.Db();
        var records = await db.Records.CountAsync();
        Assert.Equal(records, int.Parse(await s.Page.Locator("#stat-records").InnerTextAsync(), System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task The_admin_adds_a_user()
    {
        await using var s = await web.SignInAsync("admin");
        await s.Page.GotoAsync("/admin/users");

        await s.Page.GetByLabel("User name").FillAsync("new.analyst");
        await s.Page.GetByLabel("Display name").FillAsync("New Analyst");
        await s.Page.GetByLabel("Initial password").FillAsync("a long enough password");
        await s.Page.GetByLabel("analyst", new() { Exact = true }).CheckAsync();
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Add user" }).ClickAsync();

        await Expect(s.Page.Locator("#users-table")).ToContainTextAsync("new.analyst");
        await using var db = web.Db();
        Assert.Equal("analyst", (await db.Users.SingleAsync(u => u.UserName == "new.analyst")).Roles);
    }

    [Fact]
    public async Task The_admin_sees_the_policy_version_and_its_purposes()
    {
        await using var s = await web.SignInAsync("admin");
        await s.Page.GotoAsync("/admin/policy");

        var version = Liaison.Node.Policy.NodePolicy.Load(web.Config).Current.Version;
        await Expect(s.Page.Locator("#policy-version")).ToHaveTextAsync(version);
        await Expect(s.Page.Locator("#purposes-table")).ToContainTextAsync("criminal-investigation");
    }
}
