using System.Text.Json;
using Liaison.Matching.Clk;
using Liaison.Node.Federation;
using Liaison.Node.Federation.Linkage;
using Liaison.Storage;
using Liaison.Storage.Nodes;
using Microsoft.Extensions.Options;

namespace Liaison.Bench.Matching;

/// <summary>
/// CLK linkage 100k × 100k end to end through the hub's own code: two agencies encode their synthetic
/// CSVs, each upload is serialised as the <c>linkage.upload</c> payload and read back at the hub, the hub
/// stores both in its SQLite database (<see cref="LinkageRuns"/>), links them on the first result request
/// (blocking, Dice, greedy) and answers each agency its share. Not measured: the JOSE seal/open and the
/// HTTP transfer of the payloads (their size is printed).
/// </summary>
internal static class ClkHubBench
{
    private static readonly byte[] Secret = "benchmark linkage secret, not for use"u8.ToArray();

    public static async Task RunAsync(string febrl, int n)
    {
        var schema = LinkageSchema.FebrlPerson;
        var folder = Path.Combine(Path.GetTempPath(), "liaison-bench-hub-" + Guid.NewGuid().ToString("N"));
        var (csvA, csvB) = SyntheticPeople.Write(febrl, n, folder);
        Console.WriteLine();
        Console.WriteLine($"load average at start: {PsiBench.LoadAverage()}");
        Console.WriteLine("| CLK linkage through the hub | step | wall (CPU) | detail |");
        Console.WriteLine("|---|---|---|---|");

        ClkRecord[] a = [], b = [];
        var encodeA = Measured.Of(() => a = CsvEncoding.EncodeFile(csvA, schema, Secret));
        Row(n, "encode at agency A", encodeA, $"{a.Length:N0} CLKs");
        var encodeB = Measured.Of(() => b = CsvEncoding.EncodeFile(csvB, schema, Secret));
        Row(n, "encode at agency B", encodeB, $"{b.Length:N0} CLKs");

        byte[] payloadA = [], payloadB = [];
        var serialise = Measured.Of(() =>
        {
            payloadA = JsonSerializer.SerializeToUtf8Bytes(new LinkageUpload("bench", ["agency-a", "agency-b"], schema.Fingerprint, schema.FilterBits, a), FederationMessages.Json);
            payloadB = JsonSerializer.SerializeToUtf8Bytes(new LinkageUpload("bench", ["agency-a", "agency-b"], schema.Fingerprint, schema.FilterBits, b), FederationMessages.Json);
        });
        Row(n, "serialise both uploads (JSON payload)", serialise, $"{payloadA.Length / 1e6:N1} MB + {payloadB.Length / 1e6:N1} MB");

        var hubNode = await NodeDirectory.InitAsync(Path.Combine(folder, "hub"), new NodeConfig { NodeId = "eu-hub", Agency = "Linkage hub", Jurisdiction = "NL" });
        var options = Options.Create(new LinkageHubOptions { Enabled = true, Threshold = 0.8, MaxRecordsPerUpload = Math.Max(n, 1) });
        var upload = await MeasureAsync(async () =>
        {
            foreach (var (sender, payload) in new[] { ("agency-a", payloadA), ("agency-b", payloadB) })
            {
                await using var db = LiaisonDbFactory.Create(hubNode);
                var message = JsonSerializer.Deserialize<LinkageUpload>(payload, FederationMessages.Json)!;
                await new LinkageRuns(db, options, TimeProvider.System).UploadAsync(sender, message, CancellationToken.None);
            }
        });
        Row(n, "hub: read and store both uploads", upload, $"database {new FileInfo(hubNode.SqlitePath).Length / 1e6:N1} MB");

        LinkageResultReply? replyA = null, replyB = null;
        var linkA = await MeasureAsync(async () =>
        {
            await using var db = LiaisonDbFactory.Create(hubNode);
            replyA = await new LinkageRuns(db, options, TimeProvider.System).ResultAsync("agency-a", "bench", CancellationToken.None);
        });
        Row(n, "hub: first result request (block, Dice, greedy, store links, drop CLKs)", linkA, $"{replyA!.Matches.Length:N0} links");
        var answerB = await MeasureAsync(async () =>
        {
            await using var db = LiaisonDbFactory.Create(hubNode);
            replyB = await new LinkageRuns(db, options, TimeProvider.System).ResultAsync("agency-b", "bench", CancellationToken.None);
        });
        var replyBytes = JsonSerializer.SerializeToUtf8Bytes(replyB, FederationMessages.Json).Length;
        Row(n, "hub: second result request (stored links)", answerB, $"{replyB!.Matches.Length:N0} links, {replyBytes / 1e6:N1} MB answer");

        // Ground truth: the synthetic copy of rec-K-org is rec-K-dup-…; the hub answered A its own ids with B's.
        var correct = replyA.Matches.Count(m => m.Mine.Split('-')[1] == m.PeerRef.Split('-')[1]);
        var precision = replyA.Matches.Length == 0 ? 0 : (double)correct / replyA.Matches.Length;
        var recall = (double)correct / Math.Min(a.Length, b.Length);
        var total = encodeA + encodeB + serialise + upload + linkA + answerB;
        var parallel = Max(encodeA, encodeB) + serialise + upload + linkA + answerB;
        Console.WriteLine();
        Console.WriteLine($"{n:N0} × {n:N0} through the hub: {total} sequential; {parallel.WallSeconds:N1} s wall with the two agencies encoding at the same time; "
                          + $"precision {precision:F4}, recall {recall:F4}; load average after: {PsiBench.LoadAverage()}");
        Directory.Delete(folder, recursive: true);
    }

    private static Measured Max(Measured x, Measured y) => x.WallSeconds >= y.WallSeconds ? x : y;

    private static async Task<Measured> MeasureAsync(Func<Task> step)
    {
        var process = System.Diagnostics.Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await step();
        var wall = clock.Elapsed.TotalSeconds;
        process.Refresh();
        return new Measured(wall, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    private static void Row(int n, string step, Measured took, string detail) => Console.WriteLine($"| {n:N0} × {n:N0} | {step} | {took} | {detail} |");
}
