using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Liaison.Core.Identity;
using Liaison.Exchange.Identity;
using Liaison.Exchange.Peers;
using Liaison.Ledger.Entries;
using Liaison.Matching.Psi;
using Liaison.Node.Audit;
using Liaison.Node.Federation;
using Liaison.Node.Policy;
using Liaison.Storage;
using Liaison.Storage.Import;
using Liaison.Storage.Ledger;
using Liaison.Storage.Nodes;
using Liaison.Storage.Rows;
using Liaison.Storage.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Liaison.Node.Tests.Federation;

/// <summary>
/// An agency's node for federation tests: its folder and SQLite database, an exchange identity with
/// fast key encryption, and — when started — its server on 127.0.0.1. The port is reserved before the
/// identity is made because the descriptor carries the endpoint.
/// </summary>
public sealed class FederatedNode : IAsyncDisposable
{
    public const string Passphrase = "federation test passphrase";
    public const string Password = "federation test password";
    private static readonly KeyProtection FastKeys = new(1_000);

    private WebApplication? _app;
    private readonly string? _database;

    private FederatedNode(NodeConfig config, FakeTimeProvider clock, Uri endpoint, string? database)
    {
        Config = config;
        Clock = clock;
        Endpoint = endpoint;
        _database = database;
    }

    public NodeConfig Config { get; }
    public FakeTimeProvider Clock { get; }
    public Uri Endpoint { get; }
    public string NodeId => Config.NodeId;

    /// <summary>The running node's services (after <see cref="StartAsync"/>).</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("the node is not started");

    /// <param name="provider">"sqlite", or "postgres" on a fresh database of the server the test command started.</param>
    public static async Task<FederatedNode> CreateAsync(string nodeId, string agency, string jurisdiction, FakeTimeProvider clock, bool withIdentity = true,
        string provider = "sqlite")
    {
        var port = FreePort();
        var dir = Path.Combine(Path.GetTempPath(), "liaison-fed-" + Guid.NewGuid().ToString("N"));
        string? database = null, connection = null;
        if (provider == "postgres")
        {
            database = "f_" + Guid.NewGuid().ToString("N")[..16];
            await using var admin = new NpgsqlConnection(TestNode.PostgresServer);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
            connection = new NpgsqlConnectionStringBuilder(TestNode.PostgresServer) { Database = database }.ToString();
        }
        var config = await NodeDirectory.InitAsync(dir, new NodeConfig
        {
            NodeId = nodeId, Agency = agency, Jurisdiction = jurisdiction, Port = port, Database = provider, ConnectionString = connection,
        });
        var endpoint = new Uri($"http://127.0.0.1:{port}/");
        if (withIdentity)
        {
            NodeIdentity.Create(config.Directory, new NodeProfile(nodeId, agency, jurisdiction, endpoint), new KeyPassphrase(Passphrase), clock, FastKeys).Dispose();
        }
        return new FederatedNode(config, clock, endpoint, database);
    }

    /// <summary>Serves the node; <paramref name="services"/> adjusts the container (budgets).</summary>
    public async Task StartAsync(Action<IServiceCollection>? services = null)
    {
        _app = NodeHost.Build(Config, [Endpoint.AbsoluteUri.TrimEnd('/')], b =>
        {
            b.Services.AddSingleton<TimeProvider>(Clock);
            b.Services.AddSingleton(new KeyPassphrase(Passphrase));
            services?.Invoke(b.Services);
        });
        await _app.StartAsync();
    }

    /// <summary>Stops the server, as a node shutting down does; <see cref="StartAsync"/> serves the same folder again.</summary>
    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    /// <summary>Adds <paramref name="other"/>'s current descriptor to this node's peers, as 'liaison peer add' does.</summary>
    public async Task TrustAsync(FederatedNode other)
    {
        using var identity = NodeIdentity.Load(other.Config.Directory, new KeyPassphrase(Passphrase), Clock);
        await new PeerOnboarding(new FilePeerDirectory(Config.Directory), NodeId, Clock).AddAsync(identity.ExportDescriptor());
    }

    public async Task ImportAsync(string caseId, string fileName, params string[] ftmLines)
    {
        var text = string.Join('\n', ftmLines) + "\n";
        await new ImportService(Config, Clock).ImportAsync(() => new MemoryStream(Encoding.UTF8.GetBytes(text)), fileName,
            new ImportOptions { ImportedBy = "test", CaseId = caseId });
    }

    /// <summary>A user with a cheap password hash (the hash's own iteration count is what verification uses).</summary>
    public async Task AddUserAsync(string userName, string roles, string caseId)
    {
        await using var db = Db();
        db.Users.Add(new UserRow
        {
            UserName = userName, DisplayName = userName, PasswordHash = new PasswordHasher(1_000).Hash(Password), Roles = roles, CreatedAt = Clock.GetUtcNow(),
        });
        db.CaseMembers.Add(new CaseMemberRow { CaseId = caseId, UserName = userName });
        await db.SaveChangesAsync();
    }

    public LiaisonDb Db() => LiaisonDbFactory.Create(Config);

    public NodeFederation OpenFederation(PsiBudgetOptions? budget = null) => NodeFederation.Open(Config, Clock, new KeyPassphrase(Passphrase), budget: budget);

    public HttpClient Anonymous() => new() { BaseAddress = Endpoint };

    public async Task<HttpClient> SignInAsync(string user)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = user, password = Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenBody>())!.Token;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed record TokenBody(string Token);

    /// <summary>
    /// Runs hit/no-hit from this node's folder exactly as <c>liaison match</c> does: the policy in the
    /// name of <paramref name="user"/>, then the querier service, journalled in this node's ledger.
    /// Only for nodes whose server is not running (the ledger has one writer).
    /// </summary>
    public async Task<HitNoHitResult> MatchAsync(string user, string caseId, string peer, string purpose, PsiMode mode = PsiMode.Intersection, params string[] kinds)
    {
        using var federation = OpenFederation();
        await using var db = Db();
        await using var ledger = await NodeLedger.OpenAsync(Config, Clock);
        var decision = await new CommandLineGate(db, Config, NodePolicy.Load(Config), new AuditJournal(db, ledger, Clock), Clock)
            .DecideRunMatchAsync(user, caseId, purpose, $"hit/no-hit with peer {peer}");
        if (!decision.IsPermitted)
        {
            throw new InvalidOperationException($"the querier's own policy denied the run: {decision.Rule}");
        }
        var parsed = MatchKinds.Parse(kinds.Length > 0 ? kinds : ["phone", "email"]);
        return await new HitNoHitService(federation, db, new FederationJournal(db, ledger, Clock), Clock)
            .RunAsync(new HitNoHitRun(user, caseId, purpose, peer, parsed, mode, decision.Rule));
    }

    /// <summary>Every ledger entry, decoded, with its raw payload text.</summary>
    public async Task<List<(LedgerEvent Event, string Payload)>> LedgerAsync()
    {
        await using var db = Db();
        var rows = await db.LedgerEntries.AsNoTracking().OrderBy(e => e.Index).ToListAsync();
        return rows.Select(r => (CanonicalEntryEncoding.Decode(r.Payload), Encoding.UTF8.GetString(r.Payload))).ToList();
    }

    public async Task<List<AuditRow>> AuditAsync()
    {
        await using var db = Db();
        return await db.Audit.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(TestNode.PostgresServer);
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
}
