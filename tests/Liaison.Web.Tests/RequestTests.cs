using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Liaison.Web.Tests;

/// <summary>Data-access requests in the browser: drafting, approval by a supervisor, validation, the denials, and the oversight statistics.</summary>
[Collection(AccessCollection.Name)]
public sealed class RequestTests(AccessNode web)
{
    [Fact]
    public async Task Draft_a_request_a_supervisor_approves_it_and_the_designated_authority_validates_it()
    {
        var id = await DraftAsync();

        await using (var supervisor = await web.SignInAsync("supervisor"))
        {
            await supervisor.Page.GotoAsync("/requests/" + id);
            await Expect(supervisor.Page.Locator("#request-marking")).ToContainTextAsync("TLP:AMBER");
            await supervisor.Page.GetByLabel("Note (optional)").FillAsync("proportionate; courier's phone only");
            await supervisor.Page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
            // The US–UK Agreement (art. 5) needs the designated authority's review as well.
            await Expect(supervisor.Page.Locator("#request-state")).ToHaveTextAsync("AwaitingValidation");
        }
        await using (var authority = await web.SignInAsync("designated-authority"))
        {
            await authority.Page.GotoAsync("/requests/" + id);
            await authority.Page.GetByRole(AriaRole.Button, new() { Name = "Validate" }).ClickAsync();
            await Expect(authority.Page.Locator("#request-state")).ToHaveTextAsync("Approved");
            await Expect(authority.Page.Locator("#history")).ToContainTextAsync("Validate");
            await ShootAsync(authority.Page, "requests");
        }
        await using var db = web.Db();
        Assert.True(await db.Audit.AnyAsync(a => a.Actor == "supervisor" && a.Action == "request.approve"));
        Assert.True(await db.Audit.AnyAsync(a => a.Actor == "designated-authority" && a.Action == "request.validate"));
    }

    [Fact]
    public async Task An_investigator_cannot_approve_a_request_even_by_posting_the_form()
    {
        var id = await DraftAsync();
        await using var s = await web.SignInAsync("investigator");
        await s.Page.GotoAsync("/requests/" + id);
        await Expect(s.Page.GetByRole(AriaRole.Button, new() { Name = "Approve" })).ToHaveCountAsync(0);

        // Re-aim the withdraw form (with its anti-forgery token) at the approve handler, as a crafted post would.
        var response = await s.Page.RunAndWaitForResponseAsync(() => s.Page.EvaluateAsync(
            "() => { const f = document.querySelector('form[action*=\"handler=Withdraw\"]'); f.action = f.action.replace('Withdraw', 'Approve'); f.submit(); }"),
            r => r.Url.Contains("handler=Approve", StringComparison.Ordinal));

        Assert.Equal(403, response!.Status);
        await Expect(s.Page.Locator("body")).ToContainTextAsync("Denied by policy");
        await s.Page.GotoAsync("/requests/" + id);
        await Expect(s.Page.Locator("#request-state")).ToHaveTextAsync("Draft");
    }

    [Fact]
    public async Task The_dpo_reads_request_statistics_but_not_the_requests()
    {
        var id = await DraftAsync();
        await using var s = await web.SignInAsync("dpo");

        await s.Page.GotoAsync("/requests/statistics");
        await Expect(s.Page.Locator("#request-statistics")).ToContainTextAsync("CloudActUsUk");
        await Expect(s.Page.Locator("body")).Not.ToContainTextAsync(id);
        Assert.Equal(403, (await s.Page.GotoAsync("/requests/" + id))!.Status);
        Assert.Equal(403, (await s.Page.GotoAsync("/requests"))!.Status);
    }

    /// <summary>An investigator of case C1 drafts a CLOUD Act order for a US provider through the form; returns its id.</summary>
    private async Task<string> DraftAsync()
    {
        await using var s = await web.SignInAsync("investigator");
        await s.Page.GotoAsync("/requests");
        await s.Page.GetByRole(AriaRole.Link, new() { Name = "New request" }).ClickAsync();
        var p = s.Page;
        await Expect(p.Locator("#request-marking")).ToContainTextAsync("TLP:AMBER");
        await p.GetByLabel("Case", new() { Exact = true }).FillAsync("C1");
        await p.GetByLabel("Request type").SelectOptionAsync("TrafficData");
        await p.GetByLabel("Legal instrument").SelectOptionAsync("CloudActUsUk");
        await p.GetByLabel("Offence").SelectOptionAsync("drug-trafficking");
        await p.GetByLabel("Maximum penalty (years; 99 for life)").FillAsync("99");
        await p.GetByLabel("Target kind").SelectOptionAsync("Phone");
        await p.GetByLabel("Target", new() { Exact = true }).FillAsync("07911 123456");
        await p.GetByLabel("Believed location (country code)").FillAsync("GB");
        await p.GetByLabel("Believed nationality (country code)").FillAsync("GB");
        await p.GetByLabel("Period from").FillAsync("2026-10-01");
        await p.GetByLabel("Period to").FillAsync("2026-10-31");
        await p.Locator("input[name='Form.Categories'][value='SubscriberData']").CheckAsync();
        await p.Locator("input[name='Form.Categories'][value='TrafficData']").CheckAsync();
        await p.GetByLabel("Necessity and proportionality statement").FillAsync(
            "The phone is used by the suspected courier of a heroin importation network; call data for October will show who directs the deliveries, and no less intrusive source exists.");
        await p.GetByLabel("Do not notify the user").CheckAsync();
        await p.GetByLabel("Addressee kind").SelectOptionAsync("ServiceProvider");
        await p.GetByLabel("Addressee (peer node id)").FillAsync("us-telco");
        await p.GetByLabel("Addressee country").FillAsync("US");
        await p.GetByLabel("Issuing authority").FillAsync("National Crime Agency");
        await p.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await p.WaitForURLAsync("**/requests/gb-nca-r-*");
        await Expect(p.Locator("#request-state")).ToHaveTextAsync("Draft");
        return p.Url[(p.Url.LastIndexOf('/') + 1)..];
    }

    private static async Task ShootAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("LIAISON_SCREENSHOTS") == "1"
            ? Path.Combine(TestFiles.RepositoryRoot(), "docs", "screenshots")
            : Path.Combine(Path.GetTempPath(), "liaison-screenshots-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = false, Animations = ScreenshotAnimations.Disabled });
    }
}
