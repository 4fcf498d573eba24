using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Liaison.Web.Tests;

/// <summary>
/// A user without rights sees neither the data nor that it exists: every case page answers exactly as
/// for a case that does not exist, and no record caption reaches the page.
/// </summary>
[Collection(AccessCollection.Name)]
public sealed class NeedToKnowTests(AccessNode web)
{
    private static readonly string[] Captions = ["Ana Moreno", "Bogdan Ilie", "Chen Wei", "Dana Fox", "+447911100001"];

    public static TheoryData<string> CasePages() => new()
    {
        "",
        "/purpose",
        "/search?q=Ana",
        "/graph",
        "/import",
        "/entities/k-p-ana",
        "/imports/1",
        "/members",
        "/hit-no-hit",
    };

    [Theory]
    [MemberData(nameof(CasePages))]
    public async Task An_investigator_on_another_case_gets_the_same_not_found_as_for_a_case_that_does_not_exist(string page)
    {
        await using var s = await web.SignInAsync("outsider");

        var real = await s.Page.GotoAsync("/cases/" + BrowserNode.Kestrel + page);
        var realText = await s.MainTextAsync();
        var html = await s.Page.ContentAsync();
        var none = await s.Page.GotoAsync("/cases/NO-SUCH-CASE" + page);

        Assert.Equal(404, real!.Status);
        Assert.Equal(404, none!.Status);
        Assert.Equal(await s.MainTextAsync(), realText);
        Assert.DoesNotContain(Captions, c => html.Contains(c, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_investigator_on_another_case_does_not_see_it_listed_and_cannot_reach_its_records_through_their_own_case()
    {
        await using var s = await web.SignInAsync("outsider");

        await Expect(s.Page.Locator("#cases-table")).ToContainTextAsync("C2");
        await Expect(s.Page.Locator("main")).Not.ToContainTextAsync(BrowserNode.Kestrel);
        // C2 is the outsider's own case; the record belongs to KESTREL.
        var response = await s.OpenCaseAsync("C2", "entities/k-p-ana");
        Assert.Equal(404, response!.Status);
        var search = await s.Page.GotoAsync("/cases/C2/search?q=Moreno");
        Assert.Equal(200, search!.Status);
        await Expect(s.Page.Locator("#result-count")).ToHaveTextAsync("0 records found");
        var html = await s.Page.ContentAsync();
        Assert.DoesNotContain(Captions, c => html.Contains(c, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_graph_data_of_a_case_without_need_to_know_is_not_found_like_a_case_that_does_not_exist()
    {
        await using var s = await web.SignInAsync("outsider");

        var real = await s.Context.APIRequest.GetAsync("/web/cases/KESTREL/graph?purpose=criminal-investigation");
        var none = await s.Context.APIRequest.GetAsync("/web/cases/NO-SUCH-CASE/graph?purpose=criminal-investigation");

        Assert.Equal(404, real.Status);
        Assert.Equal(404, none.Status);
        Assert.DoesNotContain("Ana", await real.TextAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dpo")]
    [InlineData("admin")]
    public async Task Oversight_and_admin_see_no_case_and_no_case_content(string role)
    {
        await using var s = await web.SignInAsync(role);

        await Expect(s.Page.Locator("#cases-table")).ToHaveCountAsync(0);
        foreach (var page in new[] { "", "/purpose", "/entities/k-p-ana", "/graph" })
        {
            var real = await s.Page.GotoAsync("/cases/" + BrowserNode.Kestrel + page);
            var text = await s.MainTextAsync();
            var none = await s.Page.GotoAsync("/cases/NO-SUCH-CASE" + page);
            Assert.Equal(404, real!.Status);
            Assert.Equal(404, none!.Status);
            Assert.Equal(await s.MainTextAsync(), text);
        }
        var data = await s.Context.APIRequest.GetAsync("/web/cases/KESTREL/graph?purpose=criminal-investigation");
        var noData = await s.Context.APIRequest.GetAsync("/web/cases/NO-SUCH-CASE/graph?purpose=criminal-investigation");
        Assert.Equal(403, data.Status);
        Assert.Equal(noData.Status, data.Status);
        foreach (var page in new[] { "/", "/journal", "/statistics" })
        {
            await s.Page.GotoAsync(page);
            var html = await s.Page.ContentAsync();
            Assert.DoesNotContain(Captions, c => html.Contains(c, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_navigation_offers_only_what_the_roles_may_open()
    {
        await using var investigator = await web.SignInAsync("investigator");
        await Expect(investigator.Page.Locator(".main-nav a")).ToHaveTextAsync(["Dashboard", "Requests"]);

        var journal = await investigator.Page.GotoAsync("/journal");
        Assert.Equal(403, journal!.Status);
        await Expect(investigator.Page.Locator("main")).ToContainTextAsync("permission-matrix");
        await using var admin = await web.SignInAsync("admin");
        await Expect(admin.Page.Locator(".main-nav a")).ToHaveTextAsync(["Dashboard", "Journal", "Statistics", "Request statistics", "Users", "Peers", "Policy"]);
    }
}
