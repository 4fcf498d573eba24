using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Liaison.Web.Tests;

/// <summary>
/// Takes the screenshots of docs/web-ui.md at 1280×800 from a node holding the generated gb-nca
/// sample. It runs with the suite and checks every screen renders; the PNGs go to a temporary folder
/// unless LIAISON_SCREENSHOTS=1, which writes them to docs/screenshots.
/// </summary>
[Collection(CaseWorkCollection.Name)]
[Trait("Category", "Screenshots")]
public sealed class ScreenshotTests(CaseWorkNode web)
{
    [Fact]
    public async Task Main_screens_render_and_are_captured_at_1280_by_800()
    {
        var folder = Environment.GetEnvironmentVariable("LIAISON_SCREENSHOTS") == "1"
            ? Path.Combine(TestFiles.RepositoryRoot(), "docs", "screenshots")
            : Path.Combine(Path.GetTempPath(), "liaison-screenshots-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var nightjar = BrowserNode.Nightjar;

        await using (var s = await web.SignInAsync("investigator"))
        {
            await s.OpenCaseAsync(nightjar, "import");
            await s.Page.GetByLabel("File", new() { Exact = true }).SetInputFilesAsync(TestFiles.Sample("gb-nca", "case.ftm.jsonl"));
            await s.Page.GetByRole(AriaRole.Button, new() { Name = "Import into " + nightjar }).ClickAsync();
            await s.Page.WaitForURLAsync("**/imports/*");
            await Expect(s.Page.Locator("#accepted-count")).ToHaveTextAsync("116");
            await ShootAsync(s.Page, folder, "import");

            await s.Page.GotoAsync("/");
            await ShootAsync(s.Page, folder, "dashboard");

            await s.Page.GotoAsync($"/cases/{nightjar}");
            await ShootAsync(s.Page, folder, "case");

            await s.Page.GotoAsync($"/cases/{nightjar}/entities/gb-p-ion-popescu");
            await Expect(s.Page.Locator("#entity-caption")).ToBeVisibleAsync();
            await ShootAsync(s.Page, folder, "entity");

            await s.Page.GotoAsync($"/cases/{nightjar}/search?q=07911+077688");
            await Expect(s.Page.Locator("#result-count")).ToBeVisibleAsync();
            await ShootAsync(s.Page, folder, "search");

            await s.Page.GotoAsync($"/cases/{nightjar}/graph?from=gb-p-driver&to=gb-v-ana-ionescu");
            await Expect(s.Page.Locator("#graph[data-ready=true]")).ToBeVisibleAsync();
            await Expect(s.Page.Locator("#path-result li").First).ToBeVisibleAsync();
            await ShootAsync(s.Page, folder, "graph");
            await s.Page.Locator("#key-players").ScrollIntoViewIfNeededAsync();
            await ShootAsync(s.Page, folder, "graph-analysis");
        }
        await using (var s = await web.SignInAsync("dpo"))
        {
            await s.Page.GotoAsync("/journal");
            await s.Page.GetByRole(AriaRole.Button, new() { Name = "Verify the journal" }).ClickAsync();
            await Expect(s.Page.Locator("#verification")).ToBeVisibleAsync();
            await ShootAsync(s.Page, folder, "journal");
        }
        await using (var s = await web.SignInAsync("supervisor"))
        {
            await s.Page.GotoAsync("/statistics");
            await ShootAsync(s.Page, folder, "statistics");
        }

        foreach (var name in new[] { "dashboard", "case", "entity", "graph", "graph-analysis", "search", "import", "journal", "statistics" })
        {
            var (width, height) = PngSize(Path.Combine(folder, name + ".png"));
            Assert.Equal((1280, 800), (width, height));
        }
    }

    private static async Task ShootAsync(IPage page, string folder, string name) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name + ".png"), FullPage = false, Animations = ScreenshotAnimations.Disabled });

    /// <summary>Width and height from the PNG's IHDR chunk.</summary>
    private static (int Width, int Height) PngSize(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }
}
