using System.Text;
using Liaison.Storage.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Liaison.Web.Tests;

/// <summary>
/// The DPO's review list: overdue records of a case nobody else in these tests uses (the node's clock
/// stands at 2026-11-20), extended with a reason, then purged now.
/// </summary>
[Collection(AccessCollection.Name)]
public sealed class RetentionReviewTests(AccessNode web)
{
    private const string Case = "RET";

    private async Task ImportOverdueAsync()
    {
        const string lines = """
            {"id":"ret-hidden","schema":"Person","properties":{"name":["Hidden Witness"]},"liaison":{"subjects":"witness","tlp":"amber+strict","reviewDate":"2026-11-01"}}
            {"id":"ret-stale","schema":"Person","properties":{"name":["Stale Contact"]},"liaison":{"subjects":"contact","reviewDate":"2026-08-01"}}

            """;
        await new ImportService(web.Config, web.Clock).ImportAsync(() => new MemoryStream(Encoding.UTF8.GetBytes(lines)), "ret.jsonl",
            new ImportOptions { CaseId = Case, ImportedBy = "investigator" });
    }

    [Fact]
    public async Task The_dpo_extends_one_overdue_review_with_a_reason_and_purges_the_other()
    {
        await ImportOverdueAsync();
        await using var s = await web.SignInAsync("dpo");
        await s.Page.GetByRole(AriaRole.Link, new() { Name = "Retention" }).ClickAsync();

        var table = s.Page.Locator(".retention-table");
        await Expect(table.Locator("tr[data-record='ret-hidden'] .state")).ToHaveTextAsync("hidden");
        await Expect(table.Locator("tr[data-record='ret-stale'] .state")).ToHaveTextAsync("due for purge");
        await Expect(s.Page.Locator(".marking-banner").First).ToContainTextAsync("TLP:AMBER+STRICT");
        await Expect(s.Page.Locator("main")).Not.ToContainTextAsync("Hidden Witness");

        await s.Page.GetByLabel("New review date for ret-hidden").FillAsync("2027-03-01");
        await s.Page.GetByLabel("Reason for ret-hidden").FillAsync("witness to give evidence at trial");
        await s.Page.GetByLabel("Reason for ret-hidden").PressAsync("Enter");

        await Expect(s.Page.Locator("#retention-notice")).ToContainTextAsync("ret-hidden is extended");
        await Expect(table.Locator("tr[data-record='ret-hidden']")).ToHaveCountAsync(0);

        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Purge now" }).ClickAsync();

        await Expect(s.Page.Locator("#retention-notice")).ToContainTextAsync("1 record(s) purged");
        await Expect(table.Locator("tr[data-record='ret-stale']")).ToHaveCountAsync(0);
        await using var db = web.Db();
        Assert.False(await db.Records.AnyAsync(r => r.Id == "ret-stale"));
        Assert.Equal(new DateOnly(2027, 3, 1), (await db.Records.SingleAsync(r => r.Id == "ret-hidden")).ReviewDate);
        Assert.True(await db.Audit.AnyAsync(a => a.Actor == "dpo" && a.Action == "retention.extend"));
        Assert.True(await db.Audit.AnyAsync(a => a.Actor == "dpo" && a.Action == "retention.purge"));
    }

    [Fact]
    public async Task An_investigator_is_refused_the_review_list()
    {
        await using var s = await web.SignInAsync("investigator");

        var response = await s.Page.GotoAsync("/retention");

        Assert.Equal(403, response!.Status);
        await Expect(s.Page.GetByRole(AriaRole.Link, new() { Name = "Retention" })).ToHaveCountAsync(0);
    }
}
