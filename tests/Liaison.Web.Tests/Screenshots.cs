using Microsoft.Playwright;

namespace Liaison.Web.Tests;

/// <summary>
/// Screenshots at the page's 1280×800 viewport: the main screens into docs/screenshots with
/// LIAISON_SCREENSHOTS=1, everything else (and without the variable) into a temporary folder, to look at.
/// </summary>
public static class Screenshots
{
    public static async Task TakeAsync(IPage page, string name, bool forDocs = true)
    {
        ArgumentNullException.ThrowIfNull(page);
        var folder = forDocs && Environment.GetEnvironmentVariable("LIAISON_SCREENSHOTS") == "1"
            ? Path.Combine(TestFiles.RepositoryRoot(), "docs", "screenshots")
            : Path.Combine(Path.GetTempPath(), "liaison-screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = false, Animations = ScreenshotAnimations.Disabled });
    }
}
