using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Liaison.Ledger.Appending;
using Liaison.Ledger.Checkpoints;
using Liaison.Ledger.Entries;
using Liaison.Ledger.Merkle;
using Liaison.Ledger.Notes;
using Liaison.Ledger.Storage;
using Liaison.Ledger.Verification;

// Ledger benchmark: batched append throughput with a checkpoint every second, proof generation and
// verification times, full verification time, and SHA-256 throughput against `openssl speed` (the
// hashing ceiling) in the same run. Usage: Liaison.Bench.Ledger [entries...]  (default 1000000)
// Also: Liaison.Bench.Ledger --export DIR N — writes a signed sample log of N entries as an export
// folder (for trying `liaison audit verify --export DIR`), and prints its verifier key.
if (args.Length == 3 && args[0] == "--export")
{
    using var exportKey = NoteSigningKey.Generate("demo.liaison/be.fedpol");
    var exportStore = new InMemoryLedgerStore();
    using var exportSequencer = await LedgerSequencer.OpenAsync(exportStore, null, CancellationToken.None);
    var total = long.Parse(args[2], CultureInfo.InvariantCulture);
    for (var done = 0L; done < total; done += 1000)
    {
        await exportSequencer.AppendAsync([.. Enumerable.Range(0, (int)Math.Min(1000, total - done)).Select(i => Event(done + i))], CancellationToken.None);
        var head = exportSequencer.Head;
        var signed = SignedCheckpoint.Sign(new Checkpoint(exportKey.Name, head.Size, head.RootHash, TimeProvider.System.GetUtcNow()), exportKey);
        await exportStore.AddCheckpointAsync(new StoredCheckpoint(head.Size, signed.Format()), CancellationToken.None);
    }
    await Liaison.Ledger.Export.LedgerExport.WriteAsync(exportStore, exportKey.VerifierKey, [], args[1], CancellationToken.None);
    Console.WriteLine(exportKey.VerifierKey);
    return;
}
if (args.Length >= 1 && args[0] == "--compare-verifiers")
{
    await Liaison.Bench.Ledger.VerifierComparison.RunAsync(args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 1_000_000);
    return;
}
var sizes = args.Length > 0 ? args.Select(a => long.Parse(a, CultureInfo.InvariantCulture)).ToArray() : [1_000_000L];
var cores = Environment.ProcessorCount;
Console.WriteLine($"# Liaison ledger benchmark — {DateTime.UtcNow:yyyy-MM-dd} — {cores} cores, .NET {Environment.Version}");

// 1. Hashing ceiling: .NET SHA-256 vs openssl on 256-byte inputs (the size of a typical entry).
var sample = CanonicalEntryEncoding.Encode(Event(123456));
Console.WriteLine($"entry size: {sample.Length} bytes of canonical JSON");
var dotnetMBps = Sha256Throughput(256);
var opensslMBps = OpensslSha256Throughput(256);
Console.WriteLine($"sha256 256-byte blocks: .NET {dotnetMBps:F0} MB/s, openssl speed {opensslMBps?.ToString("F0", CultureInfo.InvariantCulture) ?? "n/a"} MB/s" +
                  (opensslMBps is { } o ? $" (ratio {dotnetMBps / o:F2})" : ""));
// Per entry the log hashes the leaf (payload + 1 byte) and, amortised, one interior node (65 bytes).
var bytesPerEntry = sample.Length + 1 + 65;
var ceiling = (opensslMBps ?? dotnetMBps) * 1e6 / bytesPerEntry;
Console.WriteLine($"hash-bound ceiling on one core: {ceiling:F0} entries/s");

foreach (var n in sizes)
{
    Console.WriteLine();
    Console.WriteLine($"## {n:N0} entries");
    using var key = NoteSigningKey.Generate("bench.liaison/log");
    var store = new InMemoryLedgerStore();
    using var sequencer = await LedgerSequencer.OpenAsync(store, null, CancellationToken.None);
    var checkpoints = 0;
    await using (var checkpointer = new Checkpointer(sequencer, store, key,
        new CheckpointPolicy { MaxInterval = TimeSpan.FromSeconds(1), MaxEntries = long.MaxValue }, TimeProvider.System))
    {
        checkpointer.Issued += _ => Interlocked.Increment(ref checkpoints);
        await checkpointer.StartAsync(CancellationToken.None);
        var appender = new LedgerAppender(sequencer);
        var producers = cores * 64;
        var perProducer = n / producers;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, producers).Select(p => Task.Run(async () =>
        {
            for (var i = 0L; i < perProducer; i++)
            {
                await appender.AppendAsync(Event(p * perProducer + i));
            }
        })));
        await appender.DisposeAsync();
        sw.Stop();
        await checkpointer.IssueNowAsync(CancellationToken.None);
        var appended = sequencer.Size;
        Console.WriteLine($"batched append ({producers} concurrent callers, each awaiting its index; checkpoint every 1 s): " +
                          $"{appended / sw.Elapsed.TotalSeconds:F0} entries/s ({appended:N0} in {sw.Elapsed.TotalSeconds:F2} s, {checkpoints + 1} checkpoints), " +
                          $"{appended / sw.Elapsed.TotalSeconds / ceiling:P0} of the hash-bound ceiling");
    }
    var size = sequencer.Size;

    // Direct sequencer batches (no per-event await): the sequencer's own cost.
    var direct = new InMemoryLedgerStore();
    using (var seq2 = await LedgerSequencer.OpenAsync(direct, null, CancellationToken.None))
    {
        var prepared = Enumerable.Range(0, 8192).Select(i => PreparedEntry.From(Event(i))).ToList();
        var sw = Stopwatch.StartNew();
        var total = Math.Min(n, 1_000_000);
        for (var done = 0L; done < total; done += prepared.Count)
        {
            await seq2.AppendAsync(prepared, null, CancellationToken.None);
        }
        Console.WriteLine($"sequencer only (pre-encoded batches of 8192): {seq2.Size / sw.Elapsed.TotalSeconds:F0} entries/s");
    }

    // Durable file store (fsync per batch), a smaller run.
    var folder = Path.Combine(Path.GetTempPath(), "liaison-bench-" + Guid.NewGuid().ToString("N"));
    var fileStore = FileLedgerStore.Open(folder, create: true);
    using (var seq3 = await LedgerSequencer.OpenAsync(fileStore, null, CancellationToken.None))
    {
        var appender = new LedgerAppender(seq3);
        var fileN = Math.Min(n, 200_000);
        var producers = cores * 64;
        var sw = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, producers).Select(p => Task.Run(async () =>
        {
            for (var i = 0L; i < fileN / producers; i++)
            {
                await appender.AppendAsync(Event(i));
            }
        })));
        await appender.DisposeAsync();
        Console.WriteLine($"batched append to the file store (fsync per batch): {seq3.Size / sw.Elapsed.TotalSeconds:F0} entries/s ({seq3.Size:N0} entries)");
    }
    Directory.Delete(folder, recursive: true);

    // Proofs against the current tree.
    var rng = new Random(42); // benchmark input only, not product code
    const int probes = 20_000;
    var indexes = Enumerable.Range(0, probes).Select(_ => rng.NextInt64(size)).ToArray();
    var root = sequencer.RootAt(size);
    var swp = Stopwatch.StartNew();
    var proofs = indexes.Select(i => sequencer.InclusionProof(i, size)).ToArray();
    var genIncl = swp.Elapsed.TotalMicroseconds / probes;
    swp.Restart();
    for (var i = 0; i < probes; i++)
    {
        if (!ProofVerifier.VerifyInclusion((ulong)indexes[i], (ulong)size, sequencer.LeafHash(indexes[i]), proofs[i], root).IsValid)
        {
            throw new InvalidOperationException("inclusion proof failed");
        }
    }
    var verIncl = swp.Elapsed.TotalMicroseconds / probes;
    var pairs = Enumerable.Range(0, probes).Select(_ => rng.NextInt64(1, size)).ToArray();
    swp.Restart();
    var cproofs = pairs.Select(s1 => sequencer.ConsistencyProof(s1, size)).ToArray();
    var genCons = swp.Elapsed.TotalMicroseconds / probes;
    swp.Restart();
    for (var i = 0; i < probes; i++)
    {
        if (!ProofVerifier.VerifyConsistency((ulong)pairs[i], (ulong)size, cproofs[i], sequencer.RootAt(pairs[i]), root).IsValid)
        {
            throw new InvalidOperationException("consistency proof failed");
        }
    }
    var verConsWithRoot = swp.Elapsed.TotalMicroseconds / probes; // the earlier figure: includes computing the old root from stored nodes
    // What a verifier does: both roots come from signed checkpoints, so only the proof is checked.
    var oldRoots = pairs.Select(s1 => sequencer.RootAt(s1)).ToArray();
    swp.Restart();
    for (var i = 0; i < probes; i++)
    {
        if (!ProofVerifier.VerifyConsistency((ulong)pairs[i], (ulong)size, cproofs[i], oldRoots[i], root).IsValid)
        {
            throw new InvalidOperationException("consistency proof failed");
        }
    }
    var verCons = swp.Elapsed.TotalMicroseconds / probes;
    var hashesPerCons = cproofs.Average(p => p.Count);
    Console.WriteLine($"inclusion proof: generate {genIncl:F1} µs, verify {verIncl:F1} µs ({proofs[0].Count} hashes)");
    Console.WriteLine($"consistency proof: generate {genCons:F1} µs, verify {verCons:F1} µs (roots given; {hashesPerCons:F1} proof hashes on average), "
        + $"old-root read + verify {verConsWithRoot:F1} µs (the earlier definition)");
    var openssl65 = OpensslSha256Throughput(65);
    Console.WriteLine($"one interior-node hash (MerkleHash.Node, 65 bytes): {NodeHashMicros():F3} µs; openssl speed at 65 bytes: "
        + (openssl65 is { } o65 ? $"{65 / o65:F3} µs per hash" : "n/a"));

    // Full verification from the store: every entry rehashed and decoded, every checkpoint checked.
    var swv = Stopwatch.StartNew();
    var report = await LedgerVerifier.VerifyAsync(store, key.VerifierKey, null, CancellationToken.None);
    Console.WriteLine($"full verify: {swv.Elapsed.TotalSeconds:F2} s ({report.EntriesChecked / swv.Elapsed.TotalSeconds:F0} entries/s), intact={report.IsIntact}, {report.CheckpointsChecked} checkpoints");
    Console.WriteLine($"managed memory after run: {GC.GetTotalMemory(forceFullCollection: true) / (1024 * 1024)} MiB");
}

static LedgerEvent Event(long i) => new()
{
    Type = (LedgerEventType)(i % 10),
    Actor = $"user:analyst{i % 50}@be.fedpol",
    Case = $"CASE-2026-{i % 997:D4}",
    Purpose = "investigation:art-6-1-d",
    Subjects = [$"rec-{i:D9}", $"rec-{i * 7919 % 1_000_003:D9}"],
    Decision = i % 4 == 0 ? "deny" : "allow",
    Rule = "policy.share.tlp-amber",
    Time = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero).AddMilliseconds(i),
    Detail = new Dictionary<string, string> { ["peer"] = "nl.politie", ["request"] = $"REQ-{i % 10007}" },
};

static double NodeHashMicros()
{
    var a = new byte[32];
    var b = new byte[32];
    const int n = 200_000;
    var sw = Stopwatch.StartNew();
    for (var i = 0; i < n; i++)
    {
        MerkleHash.Node(a, b, a);
    }
    return sw.Elapsed.TotalMicroseconds / n;
}

static double Sha256Throughput(int blockSize)
{
    var block = new byte[blockSize];
    Span<byte> hash = stackalloc byte[32];
    var sw = Stopwatch.StartNew();
    long count = 0;
    while (sw.Elapsed < TimeSpan.FromSeconds(2))
    {
        for (var i = 0; i < 10_000; i++)
        {
            SHA256.HashData(block, hash);
        }
        count += 10_000;
    }
    return count * (double)blockSize / sw.Elapsed.TotalSeconds / 1e6;
}

static double? OpensslSha256Throughput(int blockSize)
{
    try
    {
        var psi = new ProcessStartInfo("openssl", $"speed -seconds 2 -bytes {blockSize} -evp sha256")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        // Last line: "sha256   123456.78k" (thousands of bytes per second).
        var m = Regex.Match(output, @"^sha256\s+([\d.]+)k", RegexOptions.Multiline | RegexOptions.IgnoreCase);
        return m.Success ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) * 1000 / 1e6 : null;
    }
    catch (System.ComponentModel.Win32Exception)
    {
        return null;
    }
}
