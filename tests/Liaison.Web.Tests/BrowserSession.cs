using Microsoft.Playwright;

namespace Liaison.Web.Tests;

/// <summary>A tab of a browser context; disposing closes the tab, and the context if the session owns it.</summary>
public sealed class BrowserSession(IBrowserContext context, IPage page, bool ownsContext) : IAsyncDisposable
{
    public IBrowserContext Context { get; } = context;
    public IPage Page { get; } = page;

    public async Task SignInAsync(string user, string password)
    {
        await Page.GotoAsync("/login");
        await Page.GetByLabel("User name").FillAsync(user);
        await Page.GetByLabel("Password").FillAsync(password);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
    }

    /// <summary>Opens a case page, stating the purpose first when the node asks for one.</summary>
    public async Task<IResponse?> OpenCaseAsync(string caseId, string? rest = null, string purpose = BrowserNode.Purpose)
    {
        var path = "/cases/" + Uri.EscapeDataString(caseId) + (rest is null ? "" : "/" + rest);
        var response = await Page.GotoAsync(path);
        if (Page.Url.Contains("/purpose", StringComparison.Ordinal))
        {
            await Page.Locator($"input[name=Purpose][value='{purpose}']").CheckAsync();
            var arrived = Page.WaitForResponseAsync(r => r.Request.IsNavigationRequest && !r.Url.Contains("/purpose", StringComparison.Ordinal));
            await Page.GetByRole(AriaRole.Button, new() { Name = "Open the case" }).ClickAsync();
            response = await arrived;
            await Page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        }
        return response;
    }

    /// <summary>The visible text of the page's main content.</summary>
    public Task<string> MainTextAsync() => Page.Locator("main").InnerTextAsync();

    public async ValueTask DisposeAsync()
    {
        await Page.CloseAsync();
        if (ownsContext)
        {
            await Context.CloseAsync();
        }
    }
}
