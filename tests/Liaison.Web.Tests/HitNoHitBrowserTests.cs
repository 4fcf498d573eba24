using System.Net;
using System.Net.Sockets;
using System.Text;
using Liaison.Core.Identity;
using Liaison.Exchange.Identity;
using Liaison.Exchange.Peers;
using Liaison.Node;
using Liaison.Storage;
using Liaison.Storage.Import;
using Liaison.Storage.Nodes;
using Liaison.Storage.Rows;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Liaison.Web.Tests;

/// <summary>
/// "Run a match" in the browser between two live nodes on 127.0.0.1: the NCA investigator opens the
/// case's hit/no-hit page, chooses the Dutch police and phones, runs, sees which phones are known to the
/// peer (with the markings and a follow-up link) and the run in the case's history.
/// </summary>
public sealed class HitNoHitBrowserTests : IAsyncLifetime
{
    private const string Passphrase = "web hit/no-hit test passphrase";
    private const string Password = "web hit/no-hit test password";
    private const string Case = "GB-OP-HERON";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero));
    private readonly List<(NodeConfig Config, WebApplication App)> _nodes = [];
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private Uri _gb = null!;

    public async Task InitializeAsync()
    {
        var launch = Task.Run(async () =>
        {
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = BrowserNode.ChromiumPath,
                Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
        });
        var (nl, nlUri) = await CreateAsync("nl-politie", "Politie Nederland", "NL");
        var (gb, gbUri) = await CreateAsync("gb-nca", "National Crime Agency", "GB");
        await ImportAsync(nl, "NL-ZAAK-9", Person("n1", "06 12345678"), Person("n2", "+44 7911 123123"), Person("n3", "+40 721 234 567"));
        await ImportAsync(gb, Case, Person("g1", "+31 6 1234 5678"), Person("g2", "07911 123123"), Person("g3", "07911 123999"));
        await using (var db = LiaisonDbFactory.Create(gb))
        {
            db.Users.Add(new UserRow { UserName = "investigator", DisplayName = "Investigator", PasswordHash = new PasswordHasher(1_000).Hash(Password), Roles = "investigator", CreatedAt = _clock.GetUtcNow() });
            db.Users.Add(new UserRow { UserName = "admin", DisplayName = "Node operator", PasswordHash = new PasswordHasher(1_000).Hash(Password), Roles = "admin", CreatedAt = _clock.GetUtcNow() });
            db.CaseMembers.Add(new CaseMemberRow { CaseId = Case, UserName = "investigator" });
            await db.SaveChangesAsync();
        }
        await TrustAsync(nl, gb);
        await TrustAsync(gb, nl);
        await StartAsync(nl, nlUri);
        await StartAsync(gb, gbUri);
        _gb = gbUri;
        await launch;
    }

    [Fact]
    public async Task Run_a_match_shows_which_identifiers_the_peer_knows_and_records_the_run()
    {
        var context = await _browser!.NewContextAsync(new() { BaseURL = _gb.AbsoluteUri.TrimEnd('/'), ViewportSize = new() { Width = 1280, Height = 800 } });
        context.SetDefaultTimeout(30_000);
        await using var s = new BrowserSession(context, await context.NewPageAsync(), ownsContext: true);
        await s.SignInAsync("investigator", Password);
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
        var context = await _browser!.NewContextAsync(new() { BaseURL = _gb.AbsoluteUri.TrimEnd('/'), ViewportSize = new() { Width = 1280, Height = 800 } });
        context.SetDefaultTimeout(30_000);
        await using (var admin = new BrowserSession(context, await context.NewPageAsync(), ownsContext: true))
        {
            await admin.SignInAsync("admin", Password);
            await admin.Page.GetByRole(AriaRole.Link, new() { Name = "Peers" }).ClickAsync();
            var row = admin.Page.Locator("#peers-table tbody tr", new() { HasText = "nl-politie" });
            await Expect(row).ToContainTextAsync("Politie Nederland (NL)");
            await Expect(row).ToContainTextAsync("valid until");
            var fingerprints = await row.Locator("td.mono.small").AllInnerTextsAsync();
            Assert.Equal(3, fingerprints.Count);
            Assert.NotEqual(fingerprints[1], fingerprints[2]);
        }
        var other = await _browser!.NewContextAsync(new() { BaseURL = _gb.AbsoluteUri.TrimEnd('/') });
        await using var investigator = new BrowserSession(other, await other.NewPageAsync(), ownsContext: true);
        await investigator.SignInAsync("investigator", Password);
        Assert.Equal(403, (await investigator.Page.GotoAsync("/admin/peers"))!.Status);
        Assert.DoesNotContain("nl-politie", await investigator.MainTextAsync(), StringComparison.Ordinal);
    }

    private static string Person(string id, string phone) =>
        "{\"id\":\"" + id + "\",\"schema\":\"Person\",\"properties\":{\"name\":[\"Person " + id + "\"],\"phone\":[\"" + phone + "\"]}}";

    private async Task<(NodeConfig, Uri)> CreateAsync(string nodeId, string agency, string jurisdiction)
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        var config = await NodeDirectory.InitAsync(Path.Combine(Path.GetTempPath(), "liaison-webfed-" + Guid.NewGuid().ToString("N")),
            new NodeConfig { NodeId = nodeId, Agency = agency, Jurisdiction = jurisdiction, Port = port });
        var endpoint = new Uri($"http://127.0.0.1:{port}/");
        NodeIdentity.Create(config.Directory, new NodeProfile(nodeId, agency, jurisdiction, endpoint), new KeyPassphrase(Passphrase), _clock, new KeyProtection(1_000)).Dispose();
        return (config, endpoint);
    }

    private async Task ImportAsync(NodeConfig node, string caseId, params string[] lines) =>
        await new ImportService(node, _clock).ImportAsync(() => new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n")), caseId + ".jsonl",
            new ImportOptions { ImportedBy = "test", CaseId = caseId });

    private async Task TrustAsync(NodeConfig node, NodeConfig other)
    {
        using var identity = NodeIdentity.Load(other.Directory, new KeyPassphrase(Passphrase), _clock);
        await new PeerOnboarding(new FilePeerDirectory(node.Directory), node.NodeId, _clock).AddAsync(identity.ExportDescriptor());
    }

    private async Task StartAsync(NodeConfig node, Uri endpoint)
    {
        var app = NodeHost.Build(node, [endpoint.AbsoluteUri.TrimEnd('/')], b =>
        {
            b.Services.AddSingleton<TimeProvider>(_clock);
            b.Services.AddSingleton(new KeyPassphrase(Passphrase));
        });
        await app.StartAsync();
        _nodes.Add((node, app));
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }
        _playwright?.Dispose();
        foreach (var (config, app) in _nodes)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var (config, _) in _nodes)
        {
            try
            {
                Directory.Delete(config.Directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
