using System.Net;
using System.Net.Sockets;
using System.Text;
using Liaison.Core.Markings;
using Liaison.Exchange.Delivery;
using Liaison.Exchange.Envelopes;
using Liaison.Exchange.Identity;
using Liaison.Exchange.Peers;
using Liaison.Node.Exchange;
using Liaison.Node.Federation;
using Liaison.Storage;
using Liaison.Storage.Exchange;
using Liaison.Storage.Nodes;
using Liaison.Storage.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Liaison.Node.Tests.Exchange;

/// <summary>
/// A node for delivery tests on the real clock (the delivery worker sleeps and backs off on it):
/// its folder and database, an exchange identity, and any number of running replicas, each a
/// <see cref="NodeHost"/> on its own port of 127.0.0.1 over the same folder and database.
/// </summary>
public sealed class ExchangeNode : IAsyncDisposable
{
    public const string Passphrase = "exchange test passphrase";
    private static readonly KeyProtection FastKeys = new(1_000);
    private readonly List<WebApplication> _replicas = [];
    private readonly string? _database;

    private ExchangeNode(NodeConfig config, Uri endpoint, string? database)
    {
        Config = config;
        Endpoint = endpoint;
        _database = database;
    }

    public NodeConfig Config { get; }
    public Uri Endpoint { get; }
    public string NodeId => Config.NodeId;

    public static async Task<ExchangeNode> CreateAsync(string nodeId, string jurisdiction, string provider = "sqlite")
    {
        var port = FreePort();
        var dir = Path.Combine(Path.GetTempPath(), "liaison-ex-" + Guid.NewGuid().ToString("N"));
        string? database = null, connection = null;
        if (provider == "postgres")
        {
            database = "x_" + Guid.NewGuid().ToString("N")[..16];
            await using var admin = new NpgsqlConnection(TestNode.PostgresServer);
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
            connection = new NpgsqlConnectionStringBuilder(TestNode.PostgresServer) { Database = database, MaxPoolSize = 20 }.ToString();
        }
        var config = await NodeDirectory.InitAsync(dir, new NodeConfig
        {
            NodeId = nodeId, Agency = "Agency " + nodeId, Jurisdiction = jurisdiction, Port = port, Database = provider, ConnectionString = connection,
        });
        var endpoint = new Uri($"http://127.0.0.1:{port}/");
        NodeIdentity.Create(config.Directory, new NodeProfile(nodeId, "Agency " + nodeId, jurisdiction, endpoint), new KeyPassphrase(Passphrase),
            TimeProvider.System, FastKeys).Dispose();
        return new ExchangeNode(config, endpoint, database);
    }

    /// <summary>
    /// Starts a replica. The first listens on the descriptor's endpoint; later ones on a free port
    /// (peers reach the node through the first; all of them deliver the shared outbox).
    /// </summary>
    public async Task<WebApplication> StartReplicaAsync(Action<IServiceCollection>? services = null, Action<IApplicationBuilder>? pipeline = null)
    {
        var url = _replicas.Count == 0 ? Endpoint.AbsoluteUri.TrimEnd('/') : $"http://127.0.0.1:{FreePort()}";
        var app = NodeHost.Build(Config, [url], b =>
        {
            b.Services.AddSingleton(new KeyPassphrase(Passphrase));
            b.Services.Configure<RetryPolicy>(p =>
            {
                p.BaseDelay = TimeSpan.FromMilliseconds(50);
                p.MaxDelay = TimeSpan.FromMilliseconds(400);
                p.PollInterval = TimeSpan.FromMilliseconds(20);
                p.Lease = TimeSpan.FromSeconds(10);
                p.MaxAttempts = 50;
            });
            if (pipeline is not null)
            {
                b.Services.AddTransient<IStartupFilter>(_ => new PipelineFilter(pipeline));
            }
            services?.Invoke(b.Services);
        });
        await app.StartAsync();
        _replicas.Add(app);
        return app;
    }

    /// <summary>Adds <paramref name="other"/>'s current descriptor to this node's peers, as 'liaison peer add' does.</summary>
    public async Task TrustAsync(ExchangeNode other)
    {
        using var identity = NodeIdentity.Load(other.Config.Directory, new KeyPassphrase(Passphrase), TimeProvider.System);
        await new PeerOnboarding(new FilePeerDirectory(Config.Directory), NodeId, TimeProvider.System).AddAsync(identity.ExportDescriptor());
    }

    public LiaisonDb Db() => LiaisonDbFactory.Create(Config);

    public NodeFederation OpenFederation() => NodeFederation.Open(Config, TimeProvider.System, new KeyPassphrase(Passphrase));

    /// <summary>Enqueues <paramref name="count"/> messages of <paramref name="bytes"/> bytes to <paramref name="peer"/>, each in its own transaction, as features do.</summary>
    public async Task<List<string>> EnqueueAsync(string peer, int count, string type = TestMessages.Type, int bytes = 64)
    {
        using var federation = OpenFederation();
        var ids = new List<string>(count);
        await using var db = Db();
        var outbox = new Outbox(new DbOutboxStore(db), federation.Peers, federation.Sealer, TimeProvider.System);
        for (var i = 0; i < count; i++)
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            var payload = Encoding.UTF8.GetBytes($"{{\"n\":{i},\"pad\":\"{new string('x', Math.Max(0, bytes - 20))}\"}}");
            var row = await outbox.EnqueueAsync(new OutgoingMessage(peer, type, payload, "CASE-1", HandlingCodes.H2, Tlp.Amber));
            await tx.CommitAsync();
            ids.Add(row.Id);
        }
        return ids;
    }

    public async Task<List<OutboxRow>> OutboxAsync()
    {
        await using var db = Db();
        return await db.Set<OutboxRow>().AsNoTracking().ToListAsync();
    }

    /// <summary>Waits until no outbox row is pending (or the timeout passes).</summary>
    public async Task DrainAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            await using var db = Db();
            if (!await db.Set<OutboxRow>().AnyAsync(r => r.State == OutboxState.Pending))
            {
                return;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException($"{NodeId}'s outbox still has pending messages after {timeout}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task StopReplicasAsync()
    {
        foreach (var app in _replicas)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        _replicas.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await StopReplicasAsync();
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

    private sealed class PipelineFilter(Action<IApplicationBuilder> pipeline) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            pipeline(app);
            next(app);
        };
    }
}
