using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Liaison.Exchange.Identity;
using Liaison.Exchange.Peers;
using Liaison.Matching.Clk;
using Liaison.Node;
using Liaison.Node.Federation;
using Liaison.Node.Federation.Linkage;
using Liaison.Storage.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Liaison.Bench.Matching;

/// <summary>
/// CLK linkage N × N end to end through HTTP: a real hub (<see cref="NodeHost"/> serving
/// <c>/federation/linkage</c> on 127.0.0.1, its runs in its SQLite database) and two agencies with their
/// own node folders and keys. Each agency encodes its synthetic CSV, cuts the CLKs into parts that fit
/// the default 16 MiB envelope limit, and sends them sealed (signed, encrypted to the hub) one envelope at
/// a time — the two agencies at once; then each asks for its share, the first request linking. The
/// agencies run in this process as clients (the hub never calls them), so all three share the 2 cores.
/// </summary>
internal static class ClkHubHttpBench
{
    private const string Passphrase = "benchmark passphrase, not for use";
    private static readonly byte[] Secret = "benchmark linkage secret, not for use"u8.ToArray();

    public static async Task RunAsync(string febrl, int n)
    {
        var folder = Path.Combine(Path.GetTempPath(), "liaison-bench-hub-http-" + Guid.NewGuid().ToString("N"));
        var (csvA, csvB) = SyntheticPeople.Write(febrl, n, folder);
        var passphrase = new KeyPassphrase(Passphrase);
        var port = FreePort();
        var hubNode = await NodeAsync(folder, "eu-hub", port, passphrase);
        var a = await NodeAsync(folder, "agency-a", FreePort(), passphrase);
        var b = await NodeAsync(folder, "agency-b", FreePort(), passphrase);
        foreach (var party in new[] { a, b })
        {
            await TrustAsync(party, hubNode, passphrase);
            await TrustAsync(hubNode, party, passphrase);
        }
        await using var hub = NodeHost.Build(hubNode, [$"http://127.0.0.1:{port}"], builder =>
        {
            builder.Services.AddSingleton(passphrase);
            builder.Services.Configure<LinkageHubOptions>(o => (o.Enabled, o.Threshold, o.MaxRecordsPerUpload) = (true, 0.8, Math.Max(n, 1)));
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });
        await hub.StartAsync();
        var fedA = NodeFederation.Open(a, TimeProvider.System, passphrase);
        var fedB = NodeFederation.Open(b, TimeProvider.System, passphrase);

        Console.WriteLine();
        Console.WriteLine($"load average at start: {PsiBench.LoadAverage()}");
        Console.WriteLine("| CLK linkage through HTTP | step | wall (CPU) | detail |");
        Console.WriteLine("|---|---|---|---|");
        var clock = Stopwatch.StartNew();
        var cpu = Cpu();
        var schema = LinkageSchema.FebrlPerson;
        ClkRecord[] clksA = [], clksB = [];
        var encode = await MeasureAsync(() => Task.WhenAll(
            Task.Run(() => clksA = CsvEncoding.EncodeFile(csvA, schema, Secret)),
            Task.Run(() => clksB = CsvEncoding.EncodeFile(csvB, schema, Secret))));
        Row(n, "encode at both agencies at once", encode, $"{clksA.Length:N0} + {clksB.Length:N0} CLKs");

        var parts = new int[2];
        long payload = 0;
        var upload = await MeasureAsync(() => Task.WhenAll(
            SendAsync(fedA, clksA, 0),
            SendAsync(fedB, clksB, 1)));
        Row(n, "both agencies: cut into parts, seal, POST, hub stores (at once)", upload,
            $"{parts[0]} + {parts[1]} envelopes, {payload / 1e6:N1} MB of part payloads (JSON, CLKs base64url)");

        LinkageResultReply? replyA = null, replyB = null;
        var linkA = await MeasureAsync(async () => replyA = await ResultAsync(fedA));
        Row(n, "agency A's result request (hub: block, Dice, greedy, store, answer sealed)", linkA, $"{replyA!.Matches.Length:N0} links");
        var linkB = await MeasureAsync(async () => replyB = await ResultAsync(fedB));
        Row(n, "agency B's result request (stored links, answer sealed)", linkB,
            $"{replyB!.Matches.Length:N0} links, {JsonSerializer.SerializeToUtf8Bytes(replyB, FederationMessages.Json).Length / 1e6:N1} MB answer payload");
        var total = new Measured(clock.Elapsed.TotalSeconds, (Cpu() - cpu).TotalSeconds);

        var correct = replyA.Matches.Count(m => m.Mine.Split('-')[1] == m.PeerRef.Split('-')[1]);
        var precision = replyA.Matches.Length == 0 ? 0 : (double)correct / replyA.Matches.Length;
        var recall = (double)correct / Math.Min(clksA.Length, clksB.Length);
        Console.WriteLine($"| {n:N0} × {n:N0} | **total, HTTP end to end** | **{total}** | **precision {precision:F4}, recall {recall:F4}** |");
        Console.WriteLine();
        Console.WriteLine($"load average after: {PsiBench.LoadAverage()}");
        await hub.StopAsync();
        Directory.Delete(folder, recursive: true);

        async Task SendAsync(NodeFederation federation, ClkRecord[] clks, int which)
        {
            var hubPeer = await federation.PeerAsync("eu-hub", CancellationToken.None);
            var cut = UploadParts.Split("bench", ["agency-a", "agency-b"], schema.Fingerprint, schema.FilterBits, clks, federation.Options.MaxEnvelopeBytes);
            parts[which] = cut.Count;
            Interlocked.Add(ref payload, cut.Sum(p => (long)p.Clks.Length));
            foreach (var part in cut)
            {
                await LinkageHubExchange.ExchangeAsync<LinkagePartReceipt>(federation, hubPeer, LinkageMessages.UploadPartType, LinkageMessages.PartReceiptType,
                    part, "BENCH-1", CancellationToken.None);
            }
        }

        static async Task<LinkageResultReply> ResultAsync(NodeFederation federation)
        {
            var hubPeer = await federation.PeerAsync("eu-hub", CancellationToken.None);
            return await LinkageHubExchange.ExchangeAsync<LinkageResultReply>(federation, hubPeer, LinkageMessages.ResultRequestType, LinkageMessages.ResultType,
                new LinkageResultRequest("bench"), "BENCH-1", CancellationToken.None);
        }
    }

    private static async Task<NodeConfig> NodeAsync(string folder, string nodeId, int port, KeyPassphrase passphrase)
    {
        var config = await NodeDirectory.InitAsync(Path.Combine(folder, nodeId), new NodeConfig { NodeId = nodeId, Agency = nodeId, Jurisdiction = "NL", Port = port });
        NodeIdentity.Create(config.Directory, new NodeProfile(nodeId, nodeId, "NL", new Uri($"http://127.0.0.1:{port}/")), passphrase, TimeProvider.System).Dispose();
        return config;
    }

    private static async Task TrustAsync(NodeConfig node, NodeConfig other, KeyPassphrase passphrase)
    {
        using var identity = NodeIdentity.Load(other.Directory, passphrase, TimeProvider.System);
        await new PeerOnboarding(new FilePeerDirectory(node.Directory), node.NodeId, TimeProvider.System).AddAsync(identity.ExportDescriptor());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static TimeSpan Cpu()
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.TotalProcessorTime;
    }

    private static async Task<Measured> MeasureAsync(Func<Task> step)
    {
        var cpu = Cpu();
        var clock = Stopwatch.StartNew();
        await step();
        return new Measured(clock.Elapsed.TotalSeconds, (Cpu() - cpu).TotalSeconds);
    }

    private static void Row(int n, string step, Measured took, string detail) => Console.WriteLine($"| {n:N0} × {n:N0} | {step} | {took} | {detail} |");
}
