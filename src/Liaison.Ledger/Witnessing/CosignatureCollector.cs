using Liaison.Ledger.Checkpoints;
using Liaison.Ledger.Notes;
using Liaison.Ledger.Storage;

namespace Liaison.Ledger.Witnessing;

/// <summary>The log's side of witnessing: builds requests for a witness and keeps the cosignatures it returns, after checking them.</summary>
public static class CosignatureCollector
{
    /// <summary>The add-checkpoint request for <paramref name="checkpoint"/>, proving consistency from the size the witness last cosigned.</summary>
    public static AddCheckpointRequest BuildRequest(Appending.LedgerSequencer sequencer, SignedCheckpoint checkpoint, long witnessLatestSize)
    {
        ArgumentNullException.ThrowIfNull(sequencer);
        ArgumentNullException.ThrowIfNull(checkpoint);
        var proof = witnessLatestSize == 0 || witnessLatestSize == checkpoint.Checkpoint.Size
            ? []
            : sequencer.ConsistencyProof(witnessLatestSize, checkpoint.Checkpoint.Size);
        return new AddCheckpointRequest(witnessLatestSize, proof, checkpoint.Format());
    }

    /// <summary>Verifies a witness's response lines against its key and stores the cosignature; throws <see cref="NoteVerificationException"/> on a bad one.</summary>
    public static async Task<StoredCosignature> AcceptAsync(ILedgerStore store, SignedCheckpoint checkpoint, string responseBody, NoteVerifierKey witnessKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(responseBody);
        ArgumentNullException.ThrowIfNull(witnessKey);
        var text = checkpoint.Note.Text;
        foreach (var line in responseBody.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var signature = NoteSignature.ParseLine(line);
            if (!witnessKey.Identifies(signature))
            {
                continue;
            }
            if (!witnessKey.Verify(text, signature))
            {
                throw new NoteVerificationException($"the cosignature of {witnessKey.Name} does not verify");
            }
            var stored = new StoredCosignature(checkpoint.Checkpoint.Size, text, witnessKey.Name, signature.ToLine().TrimEnd('\n'));
            await store.AddCosignatureAsync(stored, cancellationToken);
            return stored;
        }
        throw new NoteVerificationException($"no cosignature from {witnessKey.Name} in the response");
    }
}
