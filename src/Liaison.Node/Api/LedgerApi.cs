using Liaison.Core.Policy;
using Liaison.Ledger.Verification;
using Liaison.Node.Policy;
using Liaison.Node.Witnessing;
using Liaison.Storage.Ledger;
using Liaison.Storage.Witnessing;

namespace Liaison.Node.Api;

/// <summary>
/// The tamper-evident ledger for oversight: the latest signed checkpoint, the verifier key, inclusion
/// and consistency proofs (hashes only, no content), and a full verification run.
/// </summary>
internal static class LedgerApi
{
    public sealed record ProofView(long Index, long TreeSize, string LeafHash, string[] Proof, string RootHash);
    public sealed record ConsistencyView(long From, long To, string[] Proof, string FromRoot, string ToRoot);

    public static RouteGroupBuilder MapLedgerApi(this RouteGroupBuilder group)
    {
        group.MapGet("/checkpoint", async (RequestGate gate, NodeLedger ledger, PeerWitness witness, CancellationToken ct) =>
        {
            var decision = await gate.DecideAsync(PolicyAction.ReadLedger, subject: "checkpoint", ct: ct);
            if (!decision.IsPermitted)
            {
                return Decisions.Denied(decision);
            }
            var latest = await CosignedCheckpoint.LatestAsync(ledger, ct);
            return Results.Ok(new
            {
                verifierKey = ledger.VerifierKey.ToString(),
                witnessKey = witness.VerifierKey.ToString(),
                size = ledger.Sequencer.Size,
                checkpointSize = latest?.Size,
                checkpoint = latest?.SignedNote,
                cosignatures = latest?.Cosigners.Select(c => new { witness = c.Witness, line = c.SignatureLine }).ToArray() ?? [],
            });
        }).WithSummary("The latest signed checkpoint (C2SP signed note with the peers' cosignature lines) and the node's verifier and witness keys");

        group.MapGet("/witness/alerts", async (RequestGate gate, WitnessAlerts alerts, CancellationToken ct) =>
        {
            var decision = await gate.DecideAsync(PolicyAction.VerifyLedger, subject: "witness alerts", ct: ct);
            if (!decision.IsPermitted)
            {
                return Decisions.Denied(decision);
            }
            var rows = await alerts.LatestAsync(50, ct);
            return Results.Ok(rows.Select(a => new
            {
                a.Id, a.Kind, peer = a.PeerNodeId, a.Origin, a.Size, a.Reason, a.DetectedAt, a.LedgerIndex, a.CheckpointSeen, a.CheckpointPresented,
            }));
        }).WithSummary("Split views and inconsistent histories this node caught as a witness of its peers' ledgers, newest first, with both signed checkpoints");

        group.MapGet("/proof/inclusion", async (long index, long? treeSize, RequestGate gate, NodeLedger ledger, CancellationToken ct) =>
        {
            var decision = await gate.DecideAsync(PolicyAction.ReadLedger, subject: $"inclusion proof {index}", ct: ct);
            if (!decision.IsPermitted)
            {
                return Decisions.Denied(decision);
            }
            var size = treeSize ?? ledger.Sequencer.Size;
            if (index < 0 || index >= size || size > ledger.Sequencer.Size)
            {
                return Problems.BadRequest($"index must be below the tree size ({ledger.Sequencer.Size})");
            }
            return Results.Ok(new ProofView(index, size, Hex(ledger.Sequencer.LeafHash(index)),
                ledger.Sequencer.InclusionProof(index, size).Select(Hex).ToArray(), Hex(ledger.Sequencer.RootAt(size))));
        }).WithSummary("RFC 9162 inclusion proof of one entry");

        group.MapGet("/proof/consistency", async (long from, long to, RequestGate gate, NodeLedger ledger, CancellationToken ct) =>
        {
            var decision = await gate.DecideAsync(PolicyAction.ReadLedger, subject: $"consistency proof {from}-{to}", ct: ct);
            if (!decision.IsPermitted)
            {
                return Decisions.Denied(decision);
            }
            if (from < 1 || from > to || to > ledger.Sequencer.Size)
            {
                return Problems.BadRequest($"need 1 <= from <= to <= {ledger.Sequencer.Size}");
            }
            return Results.Ok(new ConsistencyView(from, to, ledger.Sequencer.ConsistencyProof(from, to).Select(Hex).ToArray(),
                Hex(ledger.Sequencer.RootAt(from)), Hex(ledger.Sequencer.RootAt(to))));
        }).WithSummary("RFC 9162 consistency proof between two tree sizes");

        group.MapPost("/verify", async (RequestGate gate, NodeLedger ledger, CancellationToken ct) =>
        {
            var decision = await gate.DecideAsync(PolicyAction.VerifyLedger, subject: "full verification", ct: ct);
            if (!decision.IsPermitted)
            {
                return Decisions.Denied(decision);
            }
            var report = await LedgerVerifier.VerifyAsync(ledger.Store, ledger.VerifierKey, [], ct);
            return Results.Ok(new
            {
                intact = report.Fault is null,
                entries = report.EntriesChecked,
                checkpoints = report.CheckpointsChecked,
                checkpointedSize = report.CheckpointedSize,
                firstBadIndex = report.Fault?.Index,
                fault = report.Fault?.Message,
            });
        }).WithSummary("Recompute the Merkle tree from the stored entries and check every checkpoint");
        return group;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
