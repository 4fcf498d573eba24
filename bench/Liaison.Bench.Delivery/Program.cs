using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Liaison.Bench.Delivery;
using Liaison.Core.Markings;
using Liaison.Exchange.Delivery;
using Liaison.Exchange.Envelopes;
using Liaison.Exchange.Identity;
using Liaison.Exchange.Peers;
using Liaison.Node;
using Liaison.Node.Exchange;
using Liaison.Node.Federation;
using Liaison.Storage;
using Liaison.Storage.Exchange;
using Liaison.Storage.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Node-to-node delivery on loopback, durable at both ends: sender node GB enqueues messages (each in
// its own transaction); receiver node NL opens each
// envelope, records each message in its inbox in one transaction, and answers a signed receipt.
// Rate: a backlog of N messages delivered, start of the sender to the last inbox commit. Latency: messages
// enqueued one at a time at a tenth of that rate, outbox enqueue to inbox commit, per message.
// Peer: plain HTTP POST of the same payload to a bare ASP.NET Core endpoint (no envelope, no database).
// Usage: dotnet run -c Release --project bench/Liaison.Bench.Delivery -- [messages] [sqlite|postgres CONNECTION]
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
var postgres = args.Length > 2 && args[1] == "postgres" ? args[2] : null;
const string Passphrase = "bench passphrase long enough";
Console.WriteLine($"# {Environment.ProcessorCount} cores, {count} messages at 1 KB, {Math.Max(count / 10, 50)} at 100 KB, database {(postgres is null ? "sqlite" : "postgres")}");
Console.WriteLine("| path | payload | messages/s | p50 ms | p99 ms |");
Console.WriteLine("|---|---|---|---|---|");
foreach (var size in new[] { 1024, 100 * 1024 })
{
    var n = size > 10_000 ? Math.Max(count / 10, 50) : count;
    var (rate, p50, p99) = await Liaison(n, size);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| Liaison node → node (sealed, receipted, durable) | {size / 1024} KB | {rate:0} | {p50:0.0} | {p99:0.0} |"));
    var (prate, pp50, pp99) = await PlainPost(n, size);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| peer: plain HTTP POST, 8 in flight, no envelope/db | {size / 1024} KB | {prate:0} | {pp50:0.0} | {pp99:0.0} |"));
}

async Task<(double Rate, double P50, double P99)> Liaison(int n, int size)
{
    var gb = await NodeAsync("gb-nca", "GB");
    var nl = await NodeAsync("nl-politie", "NL");
    await TrustAsync(gb, nl);
    await TrustAsync(nl, gb);
    await using var receiver = await StartAsync(nl, s => s.AddInboundMessageHandler<BenchNote>());
    var payload = RandomNumberGenerator.GetBytes(size);
    using var federation = NodeFederation.Open(gb, TimeProvider.System, new KeyPassphrase(Passphrase));

    // Warm-up (JIT, connection pools) with the sender running.
    await using var sender = await StartAsync(gb, _ => { });
    await EnqueueAsync(gb, federation, payload, 200, writers: 4);
    await DrainAsync(gb);
    var warm = (await ReceivedAsync(nl)).Select(r => r.MessageId).ToHashSet();

    // 1. Throughput: a backlog of n messages, held back while it is enqueued, then released at once;
    //    from the release to the last commit at the receiver.
    var enqueue = Stopwatch.GetTimestamp();
    await EnqueueAsync(gb, federation, payload, n, writers: 4, hold: true);
    var enqueueRate = n / Stopwatch.GetElapsedTime(enqueue).TotalSeconds;
    var startedAt = DateTimeOffset.UtcNow;
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    await using (var db = LiaisonDbFactory.Create(gb))
    {
        await db.Set<OutboxRow>().Where(r => r.State == OutboxState.Pending).ExecuteUpdateAsync(u => u.SetProperty(r => r.NextAttemptAt, startedAt));
    }
    await DrainAsync(gb);
    var cpuPerMessage = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds / n;
    await using (var db = LiaisonDbFactory.Create(gb))
    {
        var attempts = await db.Set<OutboxRow>().SumAsync(r => r.Attempts);
        var receipts = await db.Set<ReceiptRow>().CountAsync();
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  attempts {attempts} for {n + 200} messages, {receipts} receipts (envelopes)"));
    }
    var received = (await ReceivedAsync(nl)).Where(r => !warm.Contains(r.MessageId)).ToList();
    var rate = n / (received.Max(r => r.ReceivedAt) - startedAt).TotalSeconds;

    // 2. Latency: one writer enqueues at a steady pace (a tenth of the measured rate) while the worker runs.
    var before = (await ReceivedAsync(nl)).Select(r => r.MessageId).ToHashSet();
    var paced = Math.Max(50, n / 4);
    var interval = TimeSpan.FromSeconds(10.0 / Math.Max(rate, 1));
    await EnqueueAsync(gb, federation, payload, paced, writers: 1, interval);
    await DrainAsync(gb);
    await using var gbDb = LiaisonDbFactory.Create(gb);
    var created = await gbDb.Set<OutboxRow>().AsNoTracking().ToDictionaryAsync(r => r.Id, r => r.CreatedAt);
    var latencies = (await ReceivedAsync(nl)).Where(r => !before.Contains(r.MessageId))
        .Select(r => (r.ReceivedAt - created[r.MessageId]).TotalMilliseconds).Order().ToArray();
    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {n} × {size} B: enqueue {enqueueRate:0}/s; backlog delivered at {rate:0}/s, {cpuPerMessage:0.00} CPU ms/message (both nodes); {latencies.Length} paced every {interval.TotalMilliseconds:0.0} ms"));
    return (rate, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
}

async Task EnqueueAsync(NodeConfig node, NodeFederation federation, byte[] payload, int n, int writers, TimeSpan? interval = null, bool hold = false)
{
    await Parallel.ForEachAsync(Enumerable.Range(0, writers), async (w, ct) =>
    {
        await using var db = LiaisonDbFactory.Create(node);
        var outbox = new Outbox(new DbOutboxStore(db), federation.Peers, federation.Sealer, TimeProvider.System);
        for (var i = w; i < n; i += writers)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var row = await outbox.EnqueueAsync(new OutgoingMessage("nl-politie", BenchNote.Type, payload, "CASE-1", HandlingCodes.H2, Tlp.Amber), ct);
            if (hold)
            {
                await db.Set<OutboxRow>().Where(r => r.Id == row.Id).ExecuteUpdateAsync(u => u.SetProperty(r => r.NextAttemptAt, DateTimeOffset.UtcNow.AddDays(1)), ct);
            }
            await tx.CommitAsync(ct);
            if (interval is { } pause)
            {
                await Task.Delay(pause, ct);
            }
        }
    });
}

async Task DrainAsync(NodeConfig node)
{
    while (true)
    {
        await using var db = LiaisonDbFactory.Create(node);
        if (!await db.Set<OutboxRow>().AnyAsync(r => r.State != OutboxState.Delivered))
        {
            return;
        }
        await Task.Delay(10);
    }
}

async Task<List<InboxRow>> ReceivedAsync(NodeConfig node)
{
    await using var db = LiaisonDbFactory.Create(node);
    return await db.Set<InboxRow>().AsNoTracking().ToListAsync();
}

async Task<(double Rate, double P50, double P99)> PlainPost(int n, int size)
{
    var port = FreePort();
    var builder = WebApplication.CreateSlimBuilder();
    builder.Logging.ClearProviders();
    builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
    var app = builder.Build();
    app.MapPost("/in", async (HttpRequest r) =>
    {
        using var sink = new MemoryStream();
        await r.Body.CopyToAsync(sink);
        return Results.Ok();
    });
    await app.StartAsync();
    using var http = new HttpClient();
    var payload = RandomNumberGenerator.GetBytes(size);
    var latencies = new double[n];
    var started = Stopwatch.GetTimestamp();
    await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
    {
        var t = Stopwatch.GetTimestamp();
        using var response = await http.PostAsync($"http://127.0.0.1:{port}/in", new ByteArrayContent(payload), ct);
        response.EnsureSuccessStatusCode();
        latencies[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
    });
    var span = Stopwatch.GetElapsedTime(started).TotalSeconds;
    await app.StopAsync();
    await app.DisposeAsync();
    Array.Sort(latencies);
    return (n / span, Percentile(latencies, 0.50), Percentile(latencies, 0.99));
}

async Task<NodeConfig> NodeAsync(string id, string jurisdiction)
{
    var port = FreePort();
    var dir = Path.Combine(Path.GetTempPath(), "liaison-bench-" + Guid.NewGuid().ToString("N"));
    string? connection = null;
    if (postgres is not null)
    {
        var database = "b_" + Guid.NewGuid().ToString("N")[..16];
        await using var admin = new Npgsql.NpgsqlConnection(postgres);
        await admin.OpenAsync();
        await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE {database}", admin);
        await create.ExecuteNonQueryAsync();
        connection = new Npgsql.NpgsqlConnectionStringBuilder(postgres) { Database = database }.ToString();
    }
    var config = await NodeDirectory.InitAsync(dir, new NodeConfig
    {
        NodeId = id, Agency = "Agency " + id, Jurisdiction = jurisdiction, Port = port, Database = postgres is null ? "sqlite" : "postgres",
        ConnectionString = connection,
    });
    NodeIdentity.Create(dir, new NodeProfile(id, "Agency " + id, jurisdiction, new Uri($"http://127.0.0.1:{port}/")), new KeyPassphrase(Passphrase),
        TimeProvider.System, new KeyProtection(1_000)).Dispose();
    return config;
}

async Task TrustAsync(NodeConfig node, NodeConfig other)
{
    using var identity = NodeIdentity.Load(other.Directory, new KeyPassphrase(Passphrase), TimeProvider.System);
    await new PeerOnboarding(new FilePeerDirectory(node.Directory), node.NodeId, TimeProvider.System).AddAsync(identity.ExportDescriptor());
}

async Task<WebApplication> StartAsync(NodeConfig node, Action<IServiceCollection> services)
{
    var app = NodeHost.Build(node, null, b =>
    {
        b.Services.AddSingleton(new KeyPassphrase(Passphrase));
        b.Services.Configure<RetryPolicy>(p => p.PollInterval = TimeSpan.FromMilliseconds(5));
        services(b.Services);
    });
    await app.StartAsync();
    return app;
}

static double Percentile(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}
