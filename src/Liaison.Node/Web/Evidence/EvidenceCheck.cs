using Liaison.Ledger.Checkpoints;
using Liaison.Ledger.Custody;
using Liaison.Ledger.Merkle;
using Liaison.Storage.Evidence;
using Liaison.Storage.Ledger;

namespace Liaison.Node.Web.Evidence;

/// <summary>
/// What the evidence page's Verify button establishes for one item: the stored bytes still hash to the
/// digest they are filed under; the chain of custody read back from the ledger has no gap or
/// contradiction; and every custody step's ledger entry is included (RFC 9162 inclusion proof,
/// recomputed from the entry's bytes) in the tree whose root the node's ledger key signed — so the
/// steps shown cannot have been rewritten without the signature failing.
/// </summary>
internal sealed record EvidenceCheck(string Digest, EvidenceHashCheck Hash, IReadOnlyList<string> CustodyProblems, IReadOnlyList<StepProof> Steps,
    long CheckpointSize, string? CheckpointProblem)
{
    public bool Sound => Hash.IsIntact && CustodyProblems.Count == 0 && CheckpointProblem is null && Steps.All(s => s.Included);

    public static async Task<EvidenceCheck> RunAsync(EvidenceLocker locker, NodeLedger ledger, string digest, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(locker);
        ArgumentNullException.ThrowIfNull(ledger);
        var hash = await locker.Store.VerifyAsync(digest, ct);
        var trail = await locker.TrailAsync(digest, ct);
        var last = trail.Steps.Count == 0 ? -1 : trail.Steps.Max(s => s.Index);
        // The newest signed checkpoint, or a fresh one when the newest steps are not under one yet.
        var stored = await ledger.Store.GetLatestCheckpointAsync(ct);
        var note = stored is { } s && s.TreeSize > last ? s.SignedNote : (await ledger.CheckpointNowAsync(ct)).Format();
        Checkpoint checkpoint;
        try
        {
            checkpoint = SignedCheckpoint.Open(note, ledger.VerifierKey).Checkpoint;
        }
        catch (Exception e) when (e is FormatException or Liaison.Ledger.Notes.NoteVerificationException)
        {
            return new EvidenceCheck(hash.Digest, hash, trail.Problems(), [], 0, "the signed checkpoint does not verify: " + e.Message);
        }
        var proofs = new List<StepProof>(trail.Steps.Count);
        foreach (var (index, _) in trail.Steps)
        {
            var entry = await ledger.Store.GetEntryAsync(index, ct);
            var proof = ledger.Sequencer.InclusionProof(index, checkpoint.Size);
            var check = ProofVerifier.VerifyInclusion((ulong)index, (ulong)checkpoint.Size, MerkleHash.Leaf(entry.Payload), proof, checkpoint.RootHash);
            proofs.Add(new StepProof(index, check.IsValid, check.Failure));
        }
        return new EvidenceCheck(hash.Digest, hash, trail.Problems(), proofs, checkpoint.Size, null);
    }
}

/// <summary>Whether one custody step's ledger entry is in the signed tree, and if not why.</summary>
internal sealed record StepProof(long Index, bool Included, string? Failure);
