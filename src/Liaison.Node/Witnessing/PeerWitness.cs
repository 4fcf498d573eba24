using Liaison.Ledger.Checkpoints;
using Liaison.Ledger.Notes;
using Liaison.Ledger.Witnessing;
using Liaison.Node.Audit;
using Liaison.Storage.Ledger;
using Liaison.Storage.Nodes;
using Liaison.Storage.Witnessing;

namespace Liaison.Node.Witnessing;

/// <summary>
/// This node as a witness of its peers' ledgers: runs <see cref="Witness"/> (C2SP tlog-witness) with the
/// peer's ledger key learned from its signed <see cref="LedgerKeyStatement"/>, the node's cosigning key,
/// and the <c>witness_state</c> table. What it cosigned last for a peer pins that peer's history; a
/// checkpoint that contradicts it — same size and another root, no consistency proof, a smaller tree, or
/// a different key — is refused and becomes a <see cref="WitnessAlertRow"/>, journalled in our ledger.
/// </summary>
public sealed class PeerWitness(NodeConfig node, TimeProvider clock, ILogger<PeerWitness> log) : IDisposable
{
    private readonly NoteSigningKey _key = NodeWitnessKey.LoadOrCreate(node);
    private readonly DbWitnessStateStore _state = new(node);

    public NoteVerifierKey VerifierKey => _key.VerifierKey;

    internal async Task<WitnessResponse> AddCheckpointAsync(string sender, NoteVerifierKey logKey, AddCheckpointRequest request, AuditJournal journal,
        CancellationToken ct)
    {
        var latest = await _state.GetLatestAsync(logKey.Name, ct);
        if (latest is not null && !VerifiesUnder(latest, logKey))
        {
            // The peer now signs with another key. A rotation would need its own out-of-band ceremony;
            // accepting it here would let a forked log start afresh under a new key.
            var changed = new WitnessResponse(WitnessVerdict.Forbidden, $"the ledger key of {sender} differs from the one whose checkpoints this witness cosigned");
            await AlertAsync(sender, "key-changed", SizeOf(latest), changed.Reason, latest, request.SignedCheckpoint, journal, ct);
            return changed;
        }
        var witness = new Witness(_key, [logKey], _state, clock);
        var response = await witness.AddCheckpointAsync(request, ct);
        if (response.SplitView is { } split)
        {
            await AlertAsync(sender, "split-view", split.Size, response.Reason, split.CheckpointSeen, split.CheckpointPresented, journal, ct);
        }
        else if (response.Verdict == WitnessVerdict.InconsistentProof && latest is not null)
        {
            await AlertAsync(sender, "inconsistent", SizeOf(latest), response.Reason, latest, request.SignedCheckpoint, journal, ct);
        }
        else if (response.Verdict == WitnessVerdict.Conflict && latest is not null && response.LatestSize > SizeOf(request.SignedCheckpoint))
        {
            await AlertAsync(sender, "rollback", SizeOf(latest), response.Reason, latest, request.SignedCheckpoint, journal, ct);
        }
        else if (response.Verdict is not (WitnessVerdict.Cosigned or WitnessVerdict.Conflict))
        {
            await journal.RecordAsync("node:" + sender, "witness.add-checkpoint", "deny", rule: "tlog-witness",
                detail: $"{(int)response.Verdict} {response.Reason}", ct: ct);
        }
        return response;
    }

    private async Task AlertAsync(string sender, string kind, long size, string reason, string seen, string presented, AuditJournal journal, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var origin = NodeLedger.OriginOf(sender);
        log.LogError("WITNESS ALERT {Kind}: the ledger of peer {Peer} ({Origin}) contradicts the checkpoint of size {Size} this node cosigned: {Reason}",
            kind, sender, origin, size, reason);
        var index = await journal.RecordAsync("node:" + sender, "admin.witness." + kind, "alert", rule: "tlog-witness",
            detail: $"{origin} size {size}: {reason}", ct: ct);
        await new WitnessAlerts(node).AddAsync(new WitnessAlertRow
        {
            Origin = origin, PeerNodeId = sender, Kind = kind, Size = size, Reason = reason, CheckpointSeen = seen, CheckpointPresented = presented,
            DetectedAt = now, LedgerIndex = index,
        }, ct);
    }

    private static bool VerifiesUnder(string signedNote, NoteVerifierKey key)
    {
        try
        {
            SignedCheckpoint.Open(signedNote, key);
            return true;
        }
        catch (Exception e) when (e is NoteVerificationException or NoteFormatException)
        {
            return false;
        }
    }

    private static long SizeOf(string signedNote)
    {
        try
        {
            return Checkpoint.Parse(SignedNote.Parse(signedNote).Text).Size;
        }
        catch (NoteFormatException)
        {
            return 0;
        }
    }

    public void Dispose() => _key.Dispose();
}
