using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Liaison.Web.Tests;

/// <summary>
/// "Run a match" in the browser between two live nodes on 127.0.0.1: the NCA investigator opens the
/// case's hit/no-hit page, chooses the Dutch police and phones, runs, sees which phones are known to the
/// peer (with the markings and a follow-up link) and the run in the case's history.
/// </summary>
[Collection(FederatedCollection.Name)]
public sealed class HitNoHitBrowserTests(FederatedNodes nodes)
{
    private const string Case = FederatedNodes.Case;

    [Fact]
    public async Task Run_a_match_shows_which_identifiers_the_peer_knows_and_records_the_run()
    {
        await using var s = await nodes.SignInAsync(nodes.Gb, "investigator");
        await s.OpenCaseAsync(Case, "hit-no-hit");
        await Expect(s.Page.Locator("#history-empty")).ToBeVisibleAsync();

        await s.Page.GetByLabel("Peer", new() { Exact = true }).SelectOptionAsync("nl-politie");
        await s.Page.GetByLabel("email", new() { Exact = true }).UncheckAsync();
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Run match" }).ClickAsync();

        await Expect(s.Page.Locator("#hnh-summary")).ToContainTextAsync("2 of 3 identifiers asked are known to nl-politie");
        var hits = s.Page.Locator("#hit-list > li");
        await Expect(hits).ToHaveCountAsync(2);
        await Expect(hits.Filter(new() { HasText = "+31612345678" })).ToContainTextAsync("Your phone +31612345678 is known to peer nl-politie");
        await Expect(s.Page.Locator("#hit-list button.follow-up")).ToHaveCountAsync(2);
        await Expect(s.Page.Locator(".marking-banner").First).ToContainTextAsync("TLP:AMBER");
        await Expect(s.Page.Locator("#history tbody tr")).ToHaveCountAsync(1);
        await Expect(s.Page.Locator("#history tbody tr").First).ToContainTextAsync("nl-politie");
        Assert.DoesNotContain("+40721234567", await s.MainTextAsync(), StringComparison.Ordinal);

        var folder = Environment.GetEnvironmentVariable("LIAISON_SCREENSHOTS") == "1"
            ? Path.Combine(TestFiles.RepositoryRoot(), "docs", "screenshots")
            : Path.Combine(Path.GetTempPath(), "liaison-screenshots-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        await s.Page.ScreenshotAsync(new() { Path = Path.Combine(folder, "hit-no-hit.png"), FullPage = false });

        // The second step: a follow-up request naming the matched number only.
        await s.Page.Locator("#hit-list li.hit", new() { HasText = "+31612345678" }).Locator("button.follow-up").First.ClickAsync();
        await Expect(s.Page.Locator("#follow-up-form")).ToBeVisibleAsync();
        await Expect(s.Page.GetByLabel("Peer's jurisdiction (country code)")).ToHaveValueAsync("NL");
        await s.Page.Locator("#offence").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await s.Page.GetByLabel("Necessity and proportionality").FillAsync("The peer holds this number; its subscriber is needed to identify the recruiter.");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(s.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/requests/[^/?]+$"));
        await Expect(s.Page.Locator("#request-state")).ToHaveTextAsync("Draft");
        var request = await s.MainTextAsync();
        Assert.Contains("+31612345678", request, StringComparison.Ordinal);
        Assert.DoesNotContain("+40721234567", request, StringComparison.Ordinal);

        // The dashboard lists the draft as waiting for approval and the run with its hits.
        await s.Page.GotoAsync("/");
        await Expect(s.Page.Locator("#waiting-requests tbody tr")).ToHaveCountAsync(1);
        await Expect(s.Page.Locator("#waiting-requests")).ToContainTextAsync("Draft");
        await Expect(s.Page.Locator("#recent-runs tbody tr").First).ToContainTextAsync("nl-politie");
    }

    [Fact]
    public async Task The_operator_sees_the_peers_with_their_key_fingerprints_and_an_investigator_is_refused()
    {
        await using (var admin = await nodes.SignInAsync(nodes.Gb, "admin"))
        {
            await admin.Page.GetByRole(AriaRole.Link, new() { Name = "Peers" }).ClickAsync();
            var row = admin.Page.Locator("#peers-table tbody tr", new() { HasText = "nl-politie" });
            await Expect(row).ToContainTextAsync("Politie Nederland (NL)");
            await Expect(row).ToContainTextAsync("valid until");
            var fingerprints = await row.Locator("td.mono.small").AllInnerTextsAsync();
            Assert.Equal(3, fingerprints.Count);
            Assert.NotEqual(fingerprints[1], fingerprints[2]);
        }
        await using var investigator = await nodes.SignInAsync(nodes.Gb, "investigator");
        Assert.Equal(403, (await investigator.Page.GotoAsync("/admin/peers"))!.Status);
        Assert.DoesNotContain("nl-politie", await investigator.MainTextAsync(), StringComparison.Ordinal);
    }
}
