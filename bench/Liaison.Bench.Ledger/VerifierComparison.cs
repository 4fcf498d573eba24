using System.Diagnostics;
using Liaison.Ledger.Appending;
using Liaison.Ledger.Entries;
using Liaison.Ledger.Merkle;
using Liaison.Ledger.Storage;

namespace Liaison.Bench.Ledger;

/// <summary>
/// <c>--compare-verifiers [N]</c>: the previous and the current consistency-proof verifier on the same
/// 20,000 proofs against a tree of N entries, interleaved over 7 rounds in one process (so machine load
/// hits both alike), with medians; plus the two ways of hashing a 65-byte node and bytes allocated per
/// verification.
/// </summary>
internal static class VerifierComparison
{
    private const int Probes = 20_000;
    private const int Rounds = 7;

    public static async Task RunAsync(long size)
    {
        var store = new InMemoryLedgerStore();
        using var sequencer = await LedgerSequencer.OpenAsync(store, null, CancellationToken.None);
        var batch = new List<LedgerEvent>(8192);
        for (var i = 0L; i < size; i++)
        {
            batch.Add(new LedgerEvent { Type = LedgerEventType.Read, Actor = "user:" + (i % 97), Time = DateTimeOffset.UnixEpoch.AddSeconds(i) });
            if (batch.Count == 8192 || i == size - 1)
            {
                await sequencer.AppendAsync(batch, CancellationToken.None);
                batch.Clear();
            }
        }
        var rng = new Random(7); // benchmark input only
        var olds = Enumerable.Range(0, Probes).Select(_ => rng.NextInt64(1, size)).ToArray();
        var proofs = olds.Select(s => sequencer.ConsistencyProof(s, size)).ToArray();
        var oldRoots = olds.Select(sequencer.RootAt).ToArray();
        var root = sequencer.RootAt(size);

        var previous = new double[Rounds];
        var current = new double[Rounds];
        for (var round = 0; round < Rounds; round++)
        {
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < Probes; i++)
            {
                Check(PreviousProofVerifier.VerifyConsistency((ulong)olds[i], (ulong)size, proofs[i], oldRoots[i], root));
            }
            previous[round] = sw.Elapsed.TotalMicroseconds / Probes;
            sw.Restart();
            for (var i = 0; i < Probes; i++)
            {
                Check(ProofVerifier.VerifyConsistency((ulong)olds[i], (ulong)size, proofs[i], oldRoots[i], root).IsValid);
            }
            current[round] = sw.Elapsed.TotalMicroseconds / Probes;
        }
        Console.WriteLine($"consistency proof verify, {size:N0} entries, {proofs.Average(p => p.Count):F1} proof hashes: "
                          + $"previous median {Median(previous):F1} µs, current median {Median(current):F1} µs");

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Probes; i++)
        {
            PreviousProofVerifier.VerifyConsistency((ulong)olds[i], (ulong)size, proofs[i], oldRoots[i], root);
        }
        var previousBytes = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Probes;
        before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Probes; i++)
        {
            ProofVerifier.VerifyConsistency((ulong)olds[i], (ulong)size, proofs[i], oldRoots[i], root);
        }
        var currentBytes = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)Probes;
        Console.WriteLine($"allocated per verification: previous {previousBytes:F0} B, current {currentBytes:F0} B");

        var left = new byte[32];
        var right = new byte[32];
        var oneShot = new double[Rounds];
        var reused = new double[Rounds];
        const int hashes = 200_000;
        for (var round = 0; round < Rounds; round++)
        {
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < hashes; i++)
            {
                OldHash.Node(left, right, left);
            }
            oneShot[round] = sw.Elapsed.TotalMicroseconds / hashes;
            sw.Restart();
            for (var i = 0; i < hashes; i++)
            {
                MerkleHash.Node(left, right, left);
            }
            reused[round] = sw.Elapsed.TotalMicroseconds / hashes;
        }
        Console.WriteLine($"65-byte node hash: SHA256.HashData one-shot median {Median(oneShot):F3} µs, reused per-thread IncrementalHash median {Median(reused):F3} µs");
    }

    private static void Check(bool valid)
    {
        if (!valid)
        {
            throw new InvalidOperationException("a consistency proof failed to verify");
        }
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
