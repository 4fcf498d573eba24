using System.Text;
using Liaison.Node;
using Liaison.Node.Accounts;
using Liaison.Storage;
using Liaison.Storage.Import;
using Liaison.Storage.Nodes;
using Liaison.Storage.Rows;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Npgsql;

namespace Liaison.Web.Tests;

/// <summary>
/// One real node served by Kestrel on 127.0.0.1 (a free port) and one headless Debian Chromium for all
/// browser tests: starting either is the slow part, so the collection shares them. The node is
/// "gb-nca" on SQLite with a user per role (named after it) and "outsider", an investigator on case C2
/// only. Case KESTREL holds the small network in TestData; GB-OP-NIGHTJAR the generated gb-nca sample's call
/// records (the screenshot test imports its entities through the browser).
/// </summary>
public abstract class BrowserNode : IAsyncLifetime
{
    /// <summary>The PostgreSQL server ./test.sh starts; without it every node is on SQLite.</summary>
    public static readonly string? PostgresServer = Environment.GetEnvironmentVariable("LIAISON_TEST_POSTGRES");

    public const string Password = "correct horse battery staple";
    public const string Kestrel = "KESTREL";
    public const string Nightjar = "GB-OP-NIGHTJAR";
    public const string Purpose = "criminal-investigation";

    /// <summary>Chromium as Debian ships it; never a downloaded browser.</summary>
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("LIAISON_CHROMIUM") ?? "/usr/bin/chromium";

    private readonly Dictionary<string, IBrowserContext> _contexts = new(StringComparer.Ordinal);
    private IPlaywright? _playwright;
    private WebApplication? _app;

    public NodeConfig Config { get; private set; } = null!;
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 9, 30, 0, TimeSpan.Zero));
    public Uri Address { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public LiaisonDb Db() => LiaisonDbFactory.Create(Config);

    /// <summary>The running node's services (its ledger, for tests that need a signed checkpoint).</summary>
    public IServiceProvider Services => _app!.Services;

    public HttpClient Anonymous() => new() { BaseAddress = Address };

    private string? _database;

    /// <summary>"sqlite" or "postgres" (when the test command started a server).</summary>
    protected abstract string Provider { get; }

    public async Task InitializeAsync()
    {
        string? connection = null;
        if (Provider == "postgres")
        {
            _database = "web_" + Guid.NewGuid().ToString("N")[..16];
            await using (var admin = new NpgsqlConnection(PostgresServer))
            {
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {_database}", admin);
                await create.ExecuteNonQueryAsync();
            }
            connection = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = _database }.ToString();
        }
        Config = await NodeDirectory.InitAsync(Path.Combine(Path.GetTempPath(), "liaison-web-" + Guid.NewGuid().ToString("N")),
            new NodeConfig { NodeId = "gb-nca", Agency = "National Crime Agency", Jurisdiction = "GB", Database = Provider, ConnectionString = connection });
        var launch = LaunchBrowserAsync();
        await AddUsersAsync();
        _app = NodeHost.Build(Config, ["http://127.0.0.1:0"], b => b.Services.AddSingleton<TimeProvider>(Clock));
        await _app.StartAsync();
        Address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        await ImportAsync(TestFiles.Path("kestrel.ftm.jsonl"), Kestrel);
        await ImportAsync(TestFiles.Path("kestrel-cdr.csv"), Kestrel);
        await ImportAsync(TestFiles.Sample("gb-nca", "cdr.csv"), Nightjar);
        await using (var db = Db())
        {
            (await db.Cases.SingleAsync(c => c.Id == Kestrel)).Title = "Operation Kestrel";
            (await db.Cases.SingleAsync(c => c.Id == Nightjar)).Title = "Operation Nightjar";
            foreach (var member in new[] { "investigator", "analyst", "supervisor" })
            {
                db.CaseMembers.Add(new CaseMemberRow { CaseId = Kestrel, UserName = member });
                db.CaseMembers.Add(new CaseMemberRow { CaseId = Nightjar, UserName = member });
            }
            await db.SaveChangesAsync();
        }
        await launch;
    }

    private async Task LaunchBrowserAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    private async Task AddUsersAsync()
    {
        await using var db = Db();
        // Each user costs a deliberately slow password hash: add them side by side.
        var users = Roles.All.Select(role => (Name: role, Roles: role)).Append((Name: "outsider", Roles: "investigator"));
        await Task.WhenAll(users.Select(async u =>
        {
            await using var own = Db();
            await new UserAccounts(own, Clock).AddUserAsync(u.Name, u.Name == "outsider" ? "Investigator on another case" : u.Name, Password, Roles.Parse(u.Roles));
        }));
        foreach (var id in new[] { "C1", "C2" })
        {
            db.Cases.Add(new CaseRow { Id = id, Title = id, CreatedAt = Clock.GetUtcNow(), CreatedBy = "admin" });
        }
        foreach (var member in new[] { "investigator", "analyst", "supervisor" })
        {
            db.CaseMembers.Add(new CaseMemberRow { CaseId = "C1", UserName = member });
        }
        db.CaseMembers.Add(new CaseMemberRow { CaseId = "C2", UserName = "outsider" });
        await db.SaveChangesAsync();
    }

    private async Task ImportAsync(string path, string caseId) =>
        await new ImportService(Config, Clock).ImportFileAsync(path, new ImportOptions { CaseId = caseId, ImportedBy = "investigator" });

    /// <summary>A fresh browser context (no cookies, unless given a signed-in state) at 1280×800, optionally without JavaScript.</summary>
    public async Task<BrowserSession> OpenAsync(bool javaScript = true, string? storageState = null)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = Address.ToString().TrimEnd('/'),
            ViewportSize = new() { Width = 1280, Height = 800 },
            JavaScriptEnabled = javaScript,
            AcceptDownloads = true,
            StorageState = storageState,
        });
        context.SetDefaultTimeout(15_000);
        return new BrowserSession(context, await context.NewPageAsync(), ownsContext: true);
    }

    /// <summary>
    /// A new tab in <paramref name="user"/>'s browser, signed in through the login form the first time.
    /// Each user keeps one browser context (and its session cookie, with the purposes stated in it)
    /// for the collection: a sign-in costs a deliberately slow password hash, and a context is slow to open.
    /// Without JavaScript the tab opens in a context of its own with a copy of the cookies.
    /// </summary>
    public async Task<BrowserSession> SignInAsync(string user, bool javaScript = true)
    {
        if (!_contexts.TryGetValue(user, out var context))
        {
            var first = await OpenAsync();
            await first.SignInAsync(user, Password);
            _contexts[user] = context = first.Context;
            return new BrowserSession(context, first.Page, ownsContext: false);
        }
        if (!javaScript)
        {
            return await OpenAsync(javaScript: false, await context.StorageStateAsync());
        }
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        return new BrowserSession(context, page, ownsContext: false);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgresServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(Config.Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A file's bytes as an upload, for <see cref="ILocator.SetInputFilesAsync(FilePayload, LocatorSetInputFilesOptions?)"/>.</summary>
    public static FilePayload Upload(string name, string content) =>
        new() { Name = name, MimeType = "application/octet-stream", Buffer = Encoding.UTF8.GetBytes(content) };
}

/// <summary>
/// The node of the case-work tests: on PostgreSQL when the test command started one, so the pages'
/// queries (graph, call records, filters) run on both providers across the two collections.
/// </summary>
public sealed class CaseWorkNode : BrowserNode
{
    protected override string Provider => string.IsNullOrEmpty(PostgresServer) ? "sqlite" : "postgres";
}

/// <summary>The node of the sign-in, need-to-know and oversight tests, on SQLite (a node's default).</summary>
public sealed class AccessNode : BrowserNode
{
    protected override string Provider => "sqlite";
}

/// <summary>
/// Case work and screenshots share one node and browser; the classes of a collection run one after
/// the other, the two collections side by side.
/// </summary>
[CollectionDefinition(Name)]
public sealed class CaseWorkCollection : ICollectionFixture<CaseWorkNode>
{
    public const string Name = "browser: case work";
}

/// <summary>Sign-in, need-to-know and oversight share another node and browser.</summary>
[CollectionDefinition(Name)]
public sealed class AccessCollection : ICollectionFixture<AccessNode>
{
    public const string Name = "browser: access";
}
