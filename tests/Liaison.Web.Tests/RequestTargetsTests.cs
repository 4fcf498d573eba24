using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Liaison.Web.Tests;

/// <summary>The draft form takes several targets, as the API does; rows are added without scripts.</summary>
[Collection(AccessCollection.Name)]
public sealed class RequestTargetsTests(AccessNode web)
{
    [Fact]
    public async Task A_draft_names_every_target_filled_in_and_ignores_empty_rows()
    {
        await using var s = await web.SignInAsync("investigator", javaScript: false);
        var p = s.Page;
        await p.GotoAsync("/requests/new?caseId=C1");
        await p.GetByLabel("Target kind").SelectOptionAsync("Phone");
        await p.GetByLabel("Target", new() { Exact = true }).FillAsync("07911 123456");
        await p.GetByLabel("Kind of target 2").SelectOptionAsync("Email");
        await p.GetByLabel("Identifier of target 2").FillAsync("courier@example.org");
        await p.GetByRole(AriaRole.Button, new() { Name = "Add another target" }).ClickAsync();
        // The form comes back as filled in, with a third row.
        await Expect(p.GetByLabel("Identifier of target 2")).ToHaveValueAsync("courier@example.org");
        await p.GetByLabel("Kind of target 3").SelectOptionAsync("Phone");
        await p.GetByLabel("Identifier of target 3").FillAsync("+40 721 100 002");
        await p.GetByRole(AriaRole.Button, new() { Name = "Add another target" }).ClickAsync();
        await p.Locator("#more-targets").ScrollIntoViewIfNeededAsync();
        await Screenshots.TakeAsync(p, "request-targets", forDocs: false);
        await p.GetByLabel("Request type").SelectOptionAsync("SubscriberData");
        await p.GetByLabel("Offence").SelectOptionAsync("drug-trafficking");
        await p.GetByLabel("Necessity and proportionality statement").FillAsync("The three identifiers are the courier's; their subscribers are needed to identify him.");
        // Left empty: a draft may be incomplete (it is checked in full when submitted).
        await p.GetByLabel("Addressee (peer node id)").FillAsync("");
        await p.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();

        await Expect(p.Locator("#request-state")).ToHaveTextAsync("Draft");
        var targets = p.Locator("dt:text-is('Targets') + dd li");
        await Expect(targets).ToHaveCountAsync(3);
        await Expect(targets.Nth(1)).ToContainTextAsync("courier@example.org");
    }
}
