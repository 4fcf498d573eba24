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

namespace Liaison.Web.Tests;

/// <summary>
/// Two live nodes on 127.0.0.1 that trust each other — the NCA ("gb-nca", case GB-OP-HERON) and the
/// Dutch police ("nl-politie", case NL-ZAAK-9) — and one headless Chromium, shared by the browser tests
/// that need a peer (hit/no-hit, peers, case messages). Users: at GB an investigator and a supervisor on
/// the case and the node's admin; at NL a liaison officer ("desk"). The nodes sleep on one fake clock:
/// <see cref="UntilAsync"/> moves it on while the exchange delivers.
/// </summary>
public sealed class FederatedNodes : IAsyncLifetime
{
    public const string Passphrase = "web hit/no-hit test passphrase";
    public const string Password = "web hit/no-hit test password";
    public const string Case = "GB-OP-HERON";
    private readonly List<(NodeConfig Config, WebApplication App)> _nodes = [];
    private IPlaywright? _playwright;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero));
    public IBrowser Browser { get; private set; } = null!;
    public Uri Gb { get; private set; } = null!;
    public Uri Nl { get; private set; } = null!;
    public NodeConfig GbConfig { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var launch = Task.Run(async () =>
        {
            _playwright = await Playwright.CreateAsync();
            Browser = await _playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = BrowserNode.ChromiumPath,
                Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
        });
        var (nl, nlUri) = await CreateAsync("nl-politie", "Politie Nederland", "NL");
        var (gb, gbUri) = await CreateAsync("gb-nca", "National Crime Agency", "GB");
        await ImportAsync(nl, "NL-ZAAK-9", Person("n1", "06 12345678"), Person("n2", "+44 7911 123123"), Person("n3", "+40 721 234 567"));
        await ImportAsync(gb, Case, Person("g1", "+31 6 1234 5678"), Person("g2", "07911 123123"), Person("g3", "07911 123999"),
            """{"id":"g4","schema":"Person","liaison":{"subjects":"minor"},"properties":{"name":["Young Person"]}}""");
        await AddUsersAsync(gb, ("investigator", "investigator", Case), ("supervisor", "supervisor", Case), ("admin", "admin", null));
        await AddUsersAsync(nl, ("desk", "liaison-officer", null));
        await TrustAsync(nl, gb);
        await TrustAsync(gb, nl);
        await StartAsync(nl, nlUri);
        await StartAsync(gb, gbUri);
        (Gb, Nl, GbConfig) = (gbUri, nlUri, gb);
        await launch;
    }

    /// <summary>A new browser context at 1280×800 on <paramref name="node"/>, signed in as <paramref name="user"/>.</summary>
    public async Task<BrowserSession> SignInAsync(Uri node, string user)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = node.AbsoluteUri.TrimEnd('/'), ViewportSize = new() { Width = 1280, Height = 800 } });
        context.SetDefaultTimeout(30_000);
        var session = new BrowserSession(context, await context.NewPageAsync(), ownsContext: true);
        await session.SignInAsync(user, Password);
        return session;
    }

    /// <summary>Moves the shared fake clock on in half-second steps (the delivery worker sleeps on it) until <paramref name="condition"/> holds.</summary>
    public async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        for (var i = 0; i < 120; i++)
        {
            if (await condition())
            {
                return;
            }
            Clock.Advance(TimeSpan.FromMilliseconds(500));
            await Task.Delay(50);
        }
        Assert.Fail("timed out waiting until " + what);
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
        NodeIdentity.Create(config.Directory, new NodeProfile(nodeId, agency, jurisdiction, endpoint), new KeyPassphrase(Passphrase), Clock, new KeyProtection(1_000)).Dispose();
        return (config, endpoint);
    }

    private async Task AddUsersAsync(NodeConfig node, params (string Name, string Roles, string? Case)[] users)
    {
        await using var db = LiaisonDbFactory.Create(node);
        foreach (var (name, roles, caseId) in users)
        {
            db.Users.Add(new UserRow { UserName = name, DisplayName = name, PasswordHash = new PasswordHasher(1_000).Hash(Password), Roles = roles, CreatedAt = Clock.GetUtcNow() });
            if (caseId is not null)
            {
                db.CaseMembers.Add(new CaseMemberRow { CaseId = caseId, UserName = name });
            }
        }
        await db.SaveChangesAsync();
    }

    private async Task ImportAsync(NodeConfig node, string caseId, params string[] lines) =>
        await new ImportService(node, Clock).ImportAsync(() => new MemoryStream(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n")), caseId + ".jsonl",
            new ImportOptions { ImportedBy = "test", CaseId = caseId });

    private async Task TrustAsync(NodeConfig node, NodeConfig other)
    {
        using var identity = NodeIdentity.Load(other.Directory, new KeyPassphrase(Passphrase), Clock);
        await new PeerOnboarding(new FilePeerDirectory(node.Directory), node.NodeId, Clock).AddAsync(identity.ExportDescriptor());
    }

    private async Task StartAsync(NodeConfig node, Uri endpoint)
    {
        var app = NodeHost.Build(node, [endpoint.AbsoluteUri.TrimEnd('/')], b =>
        {
            b.Services.AddSingleton<TimeProvider>(Clock);
            b.Services.AddSingleton(new KeyPassphrase(Passphrase));
        });
        await app.StartAsync();
        _nodes.Add((node, app));
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        foreach (var (_, app) in _nodes)
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

/// <summary>The browser tests between two live nodes share them and one browser; they run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class FederatedCollection : ICollectionFixture<FederatedNodes>
{
    public const string Name = "browser: two nodes";
}
