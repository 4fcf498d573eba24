using Liaison.Ledger.Checkpoints;
using Liaison.Ledger.Merkle;
using Liaison.Ledger.Notes;

namespace Liaison.Ledger.Witnessing;

/// <summary>
/// A peer's witness for the logs of the nodes it exchanges with (C2SP tlog-witness semantics). For each
/// origin it remembers the checkpoint it last cosigned, and cosigns a new one only after verifying the
/// log's signature and a consistency proof from the remembered one — so it never vouches for a log that
/// rewrote or dropped history, never goes backwards, and catches a log showing two trees of one size.
/// </summary>
public sealed class Witness
{
    private readonly NoteSigningKey _cosigningKey;
    private readonly IReadOnlyDictionary<string, NoteVerifierKey> _logs;
    private readonly IWitnessStateStore _state;
    private readonly TimeProvider _time;

    /// <param name="cosigningKey">The witness key (type <see cref="NoteKeyType.CosignatureV1"/>).</param>
    /// <param name="trustedLogs">The logs this witness follows, each by its checkpoint key (origin = key name).</param>
    /// <param name="state">Where the last cosigned checkpoint of each log is kept.</param>
    /// <param name="time">Clock for cosignature timestamps.</param>
    public Witness(NoteSigningKey cosigningKey, IEnumerable<NoteVerifierKey> trustedLogs, IWitnessStateStore state, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(cosigningKey);
        ArgumentNullException.ThrowIfNull(trustedLogs);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(time);
        if (cosigningKey.Type != NoteKeyType.CosignatureV1)
        {
            throw new ArgumentException("a witness cosigns with a cosignature/v1 key", nameof(cosigningKey));
        }
        _cosigningKey = cosigningKey;
        _logs = trustedLogs.ToDictionary(k => k.Name, StringComparer.Ordinal);
        _state = state;
        _time = time;
    }

    /// <summary>The witness's public key, for logs and clients to verify its cosignatures.</summary>
    public NoteVerifierKey VerifierKey => _cosigningKey.VerifierKey;

    /// <summary>Raised when a request proves a split view (in addition to the response carrying it).</summary>
    public event Action<SplitViewAlert>? SplitViewDetected;

    /// <summary>Handles an add-checkpoint request.</summary>
    public async Task<WitnessResponse> AddCheckpointAsync(AddCheckpointRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        SignedNote parsed;
        Checkpoint checkpoint;
        try
        {
            parsed = SignedNote.Parse(request.SignedCheckpoint);
            checkpoint = Checkpoint.Parse(parsed.Text);
        }
        catch (NoteFormatException e)
        {
            return new WitnessResponse(WitnessVerdict.BadRequest, "malformed checkpoint: " + e.Message);
        }
        if (!_logs.TryGetValue(checkpoint.Origin, out var logKey))
        {
            return new WitnessResponse(WitnessVerdict.UnknownOrigin, $"unknown log '{checkpoint.Origin}'");
        }
        try
        {
            SignedCheckpoint.Open(request.SignedCheckpoint, logKey);
        }
        catch (Exception e) when (e is NoteVerificationException or NoteFormatException)
        {
            return new WitnessResponse(WitnessVerdict.Forbidden, "the checkpoint is not signed by the log: " + e.Message);
        }
        if (request.OldSize > checkpoint.Size)
        {
            return new WitnessResponse(WitnessVerdict.BadRequest, $"old size {request.OldSize} is beyond the checkpoint size {checkpoint.Size}");
        }

        var latestNote = await _state.GetLatestAsync(checkpoint.Origin, cancellationToken);
        var latest = latestNote is null ? null : Checkpoint.Parse(SignedNote.Parse(latestNote).Text);
        var latestSize = latest?.Size ?? 0;

        if (latest is not null && latest.Size == checkpoint.Size && !latest.RootHash.AsSpan().SequenceEqual(checkpoint.RootHash))
        {
            var alert = new SplitViewAlert(checkpoint.Origin, checkpoint.Size, latest.RootHash, checkpoint.RootHash,
                latestNote!, request.SignedCheckpoint, _time.GetUtcNow());
            SplitViewDetected?.Invoke(alert);
            return new WitnessResponse(WitnessVerdict.Conflict, $"split view: two roots for size {checkpoint.Size}") { SplitView = alert };
        }
        if (checkpoint.Size < latestSize)
        {
            return new WitnessResponse(WitnessVerdict.Conflict, $"rollback refused: already cosigned size {latestSize}") { LatestSize = latestSize };
        }
        if (request.OldSize != latestSize)
        {
            return new WitnessResponse(WitnessVerdict.Conflict, $"last cosigned size is {latestSize}") { LatestSize = latestSize };
        }
        if (latest is null)
        {
            if (request.ConsistencyProof.Count != 0)
            {
                return new WitnessResponse(WitnessVerdict.InconsistentProof, "the proof must be empty from size 0");
            }
        }
        else if (latest.Size != checkpoint.Size)
        {
            var check = ProofVerifier.VerifyConsistency((ulong)latest.Size, (ulong)checkpoint.Size, request.ConsistencyProof, latest.RootHash, checkpoint.RootHash);
            if (!check.IsValid)
            {
                return new WitnessResponse(WitnessVerdict.InconsistentProof, "inconsistent with the last cosigned checkpoint: " + check.Failure);
            }
        }
        else if (request.ConsistencyProof.Count != 0)
        {
            return new WitnessResponse(WitnessVerdict.InconsistentProof, "equal sizes need an empty proof");
        }

        if (!await _state.TryAdvanceAsync(checkpoint.Origin, latestSize, checkpoint.Size, request.SignedCheckpoint, cancellationToken))
        {
            // Another request advanced the state between our read and our write; the client retries.
            var now = await _state.GetLatestAsync(checkpoint.Origin, cancellationToken);
            var size = now is null ? 0 : Checkpoint.Parse(SignedNote.Parse(now).Text).Size;
            return new WitnessResponse(WitnessVerdict.Conflict, $"last cosigned size is {size}") { LatestSize = size };
        }
        var cosignature = _cosigningKey.Cosign(parsed.Text, _time.GetUtcNow());
        return new WitnessResponse(WitnessVerdict.Cosigned, "cosigned") { Cosignature = cosignature };
    }
}
