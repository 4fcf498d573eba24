using System.Net;
using Liaison.Core.Identity;
using Liaison.Core.Policy;
using Liaison.Node.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Liaison.Web.Tests;

/// <summary>Cookie sign-in next to the API tokens: wrong passwords, sign-out, and what the cookie does not open.</summary>
[Collection(AccessCollection.Name)]
public sealed class SignInTests(AccessNode web)
{
    [Fact]
    public async Task A_wrong_password_shows_an_error_and_opens_nothing()
    {
        await using var s = await web.OpenAsync();
        await s.Page.GotoAsync("/login");
        await s.Page.GetByLabel("User name").FillAsync("investigator");
        await s.Page.GetByLabel("Password").FillAsync("not the password");
        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(s.Page.Locator("#login-error")).ToHaveTextAsync("Unknown user name or wrong password.");
        await s.Page.GotoAsync("/");
        Assert.Contains("/login", s.Page.Url, StringComparison.Ordinal);
        await using var db = web.Db();
        Assert.True(await db.Audit.AnyAsync(a => a.Actor == "investigator" && a.Action == "auth.login" && a.Decision == "deny" && a.Rule == "bad-credentials"));
    }

    [Fact]
    public async Task Repeated_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        await using (var db = web.Db())
        {
            await new UserAccounts(db, web.Clock).AddUserAsync("locked.out", "Locked Out", BrowserNode.Password, [Role.Analyst]);
        }
        await using var s = await web.OpenAsync();
        await s.Page.GotoAsync("/login");

        for (var i = 0; i < LockoutPolicy.Default.MaxFailures; i++)
        {
            await SubmitAsync(s.Page, "locked.out", "wrong " + i);
        }
        await SubmitAsync(s.Page, "locked.out", BrowserNode.Password);

        await Expect(s.Page.Locator("#login-error")).ToContainTextAsync("locked");
        Assert.Contains("/login", s.Page.Url, StringComparison.Ordinal);
    }

    private static async Task SubmitAsync(IPage page, string user, string password)
    {
        await page.GetByLabel("User name").FillAsync(user);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.Locator("#login-error").WaitForAsync();
    }

    [Fact]
    public async Task An_investigator_signs_in_and_sees_the_cases_they_work()
    {
        await using var s = await web.SignInAsync("investigator");

        var cases = s.Page.Locator("#cases-table");
        await Expect(cases).ToContainTextAsync(BrowserNode.Kestrel);
        await Expect(cases).ToContainTextAsync("C1");
        await Expect(cases).Not.ToContainTextAsync("C2");
        await Expect(s.Page.Locator(".user-name")).ToHaveTextAsync("investigator");
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        await using var s = await web.OpenAsync();
        await s.SignInAsync("analyst", BrowserNode.Password);

        await s.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await s.Page.WaitForURLAsync("**/login");
        var response = await s.Page.GotoAsync("/cases/" + BrowserNode.Kestrel);

        Assert.Contains("/login", s.Page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("Ana Moreno", await s.Page.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal(200, response!.Status);
    }

    [Fact]
    public async Task The_browser_session_does_not_open_the_REST_API()
    {
        // The API takes bearer tokens only, so a page on another site cannot drive it with the cookie.
        await using var s = await web.SignInAsync("investigator");

        var response = await s.Context.APIRequest.GetAsync("/api/cases");

        Assert.Equal(401, response.Status);
    }

    [Fact]
    public async Task A_form_posted_without_the_antiforgery_token_is_refused()
    {
        using var client = web.Anonymous();

        var response = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = "investigator",
            ["Password"] = BrowserNode.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("liaison.session", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Without_a_session_pages_send_to_the_sign_in_and_graph_data_is_refused()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = web.Address };

        var page = await client.GetAsync("/cases/" + BrowserNode.Kestrel);
        var data = await client.GetAsync("/web/cases/" + BrowserNode.Kestrel + "/graph?purpose=criminal-investigation");
        var asset = await client.GetAsync("/assets/site.css");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login?returnUrl=", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, data.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
    }

    [Fact]
    public async Task Pages_are_not_cached_and_allow_no_foreign_script()
    {
        await using var s = await web.OpenAsync();

        var response = await s.Page.GotoAsync("/login");

        var headers = await response!.AllHeadersAsync();
        Assert.Contains("no-store", headers["cache-control"], StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"], StringComparison.Ordinal);
    }
}
