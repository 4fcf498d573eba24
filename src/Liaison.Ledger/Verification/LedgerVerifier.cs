using Liaison.Ledger.Checkpoints;
using Liaison.Ledger.Entries;
using Liaison.Ledger.Merkle;
using Liaison.Ledger.Notes;
using Liaison.Ledger.Storage;

namespace Liaison.Ledger.Verification;

/// <summary>
/// Verifies a whole log from any <see cref="ILedgerStore"/> (the node's database, or an export folder)
/// with only the log's public key: every checkpoint's signature, every entry's place, bytes and
/// encoding, the tree recomputed from the entries against every checkpoint, and the witnesses'
/// cosignatures. Streams the entries with O(log n) memory (a <see cref="CompactRange"/>). Stops at the
/// first fault, naming the entry.
/// </summary>
public static class LedgerVerifier
{
    private const int ChunkSize = 4096;

    /// <param name="store">The log to check.</param>
    /// <param name="logKey">The log's checkpoint key, obtained independently of the store.</param>
    /// <param name="witnessKeys">Witness keys whose cosignatures should be checked; cosignatures of other witnesses are counted as unchecked.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    public static async Task<LedgerVerificationReport> VerifyAsync(ILedgerStore store, NoteVerifierKey logKey,
        IReadOnlyCollection<NoteVerifierKey>? witnessKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(logKey);

        var (checkpoints, checkpointFault) = await ReadCheckpointsAsync(store, logKey, cancellationToken);
        if (checkpointFault is not null)
        {
            return new LedgerVerificationReport(0, checkpoints.Count, 0, checkpointFault);
        }
        var checkpointed = checkpoints.Count == 0 ? 0 : checkpoints.Max(c => c.Size);

        // Checkpoint sizes in increasing order, each checked when the recomputed tree reaches it.
        var pending = checkpoints.GroupBy(c => c.Size).OrderBy(g => g.Key).Select(g => g.First()).ToList();
        var next = 0;
        var lastMatched = 0L;
        var range = new CompactRange();
        var index = 0L;

        LedgerFault? CheckReached()
        {
            while (next < pending.Count && pending[next].Size == index)
            {
                var c = pending[next++];
                if (!range.Root().AsSpan().SequenceEqual(c.RootHash))
                {
                    return new LedgerFault(LedgerFaultKind.RootMismatch, lastMatched,
                        $"the entries do not match the signed checkpoint of size {c.Size}: entries in [{lastMatched}, {c.Size}) were rewritten");
                }
                lastMatched = c.Size;
            }
            return null;
        }

        var fault = CheckReached();
        if (fault is not null)
        {
            return new LedgerVerificationReport(0, checkpoints.Count, 0, fault) { CheckpointedSize = checkpointed };
        }
        // Entries are checked in chunks: rehashing and decoding run in parallel, folding into the tree in order.
        var chunk = new List<LedgerEntry>(ChunkSize);
        var hashes = new byte[ChunkSize][];
        var faults = new LedgerFault?[ChunkSize];
        async IAsyncEnumerable<List<LedgerEntry>> Chunks()
        {
            await foreach (var entry in store.ReadRangeAsync(0, long.MaxValue, cancellationToken))
            {
                chunk.Add(entry);
                if (chunk.Count == ChunkSize)
                {
                    yield return chunk;
                    chunk.Clear();
                }
            }
            if (chunk.Count > 0)
            {
                yield return chunk;
            }
        }
        await foreach (var entries in Chunks())
        {
            var first = index;
            Parallel.For(0, entries.Count, i =>
            {
                var h = hashes[i] ??= new byte[MerkleHash.Size];
                faults[i] = CheckEntry(entries[i], first + i, h);
            });
            for (var i = 0; i < entries.Count; i++)
            {
                if (faults[i] is { } f)
                {
                    return new LedgerVerificationReport(index, checkpoints.Count, 0, f) { CheckpointedSize = checkpointed };
                }
                range.Append(hashes[i]);
                index++;
                fault = CheckReached();
                if (fault is not null)
                {
                    return new LedgerVerificationReport(index, checkpoints.Count, 0, fault) { CheckpointedSize = checkpointed };
                }
            }
        }
        if (next < pending.Count)
        {
            var missing = new LedgerFault(LedgerFaultKind.EntriesMissing, index,
                $"missing: a signed checkpoint commits to {pending[^1].Size} entries but only {index} are stored");
            return new LedgerVerificationReport(index, checkpoints.Count, 0, missing) { CheckpointedSize = checkpointed };
        }

        var (cosignatures, cosignatureFault) = await CheckCosignaturesAsync(store, checkpoints, witnessKeys, cancellationToken);
        return new LedgerVerificationReport(index, checkpoints.Count, cosignatures, cosignatureFault) { CheckpointedSize = checkpointed };
    }

    private static LedgerFault? CheckEntry(LedgerEntry entry, long index, byte[] hash)
    {
        if (entry.Index != index)
        {
            var found = entry.Index < 0 ? "an unreadable line" : $"entry {entry.Index}";
            return new LedgerFault(LedgerFaultKind.EntryOutOfPlace, index, $"out of place: found {found} at this position");
        }
        MerkleHash.Leaf(entry.Payload, hash);
        if (!hash.AsSpan().SequenceEqual(entry.LeafHash))
        {
            return new LedgerFault(LedgerFaultKind.EntryChanged, index, "changed: its bytes do not match the leaf hash recorded when it was appended");
        }
        try
        {
            CanonicalEntryEncoding.Decode(entry.Payload);
        }
        catch (MalformedEntryException e)
        {
            return new LedgerFault(LedgerFaultKind.EntryMalformed, index, "malformed: " + e.Message);
        }
        return null;
    }

    private static async Task<(List<Checkpoint> Checkpoints, LedgerFault? Fault)> ReadCheckpointsAsync(ILedgerStore store, NoteVerifierKey logKey, CancellationToken cancellationToken)
    {
        var result = new List<Checkpoint>();
        var number = 0;
        await foreach (var stored in store.ReadCheckpointsAsync(cancellationToken))
        {
            number++;
            Checkpoint c;
            try
            {
                c = SignedCheckpoint.Open(stored.SignedNote, logKey).Checkpoint;
            }
            catch (Exception e) when (e is NoteFormatException or NoteVerificationException)
            {
                return (result, new LedgerFault(LedgerFaultKind.CheckpointInvalid, null, $"checkpoint {number} is not valid: {e.Message}"));
            }
            if (result.Count > 0 && c.Size < result[^1].Size)
            {
                return (result, new LedgerFault(LedgerFaultKind.CheckpointsInconsistent, c.Size,
                    $"checkpoint {number} (size {c.Size}) is smaller than the one before it (size {result[^1].Size})"));
            }
            var twin = result.FirstOrDefault(o => o.Size == c.Size && !o.RootHash.AsSpan().SequenceEqual(c.RootHash));
            if (twin is not null)
            {
                return (result, new LedgerFault(LedgerFaultKind.CheckpointsInconsistent, null,
                    $"checkpoint {number} has another root than an earlier checkpoint of the same size {c.Size} (split view)"));
            }
            result.Add(c);
        }
        return (result, null);
    }

    private static async Task<(int Checked, LedgerFault? Fault)> CheckCosignaturesAsync(ILedgerStore store, List<Checkpoint> checkpoints,
        IReadOnlyCollection<NoteVerifierKey>? witnessKeys, CancellationToken cancellationToken)
    {
        var count = 0;
        await foreach (var cosignature in store.ReadCosignaturesAsync(cancellationToken))
        {
            Checkpoint covered;
            NoteSignature signature;
            try
            {
                covered = Checkpoint.Parse(cosignature.CheckpointText);
                signature = NoteSignature.ParseLine(cosignature.SignatureLine);
            }
            catch (NoteFormatException e)
            {
                return (count, new LedgerFault(LedgerFaultKind.CosignatureInvalid, null, "a cosignature is malformed: " + e.Message));
            }
            if (!checkpoints.Any(c => c.SameTreeHead(covered)))
            {
                return (count, new LedgerFault(LedgerFaultKind.CosignatureInvalid, null,
                    $"{cosignature.WitnessName} cosigned a tree head of size {covered.Size} that matches no signed checkpoint"));
            }
            var key = witnessKeys?.FirstOrDefault(k => k.Identifies(signature));
            if (key is null)
            {
                continue;
            }
            if (!key.Verify(cosignature.CheckpointText, signature))
            {
                return (count, new LedgerFault(LedgerFaultKind.CosignatureInvalid, null,
                    $"the cosignature of {key.Name} on the checkpoint of size {covered.Size} does not verify"));
            }
            count++;
        }
        return (count, null);
    }
}
