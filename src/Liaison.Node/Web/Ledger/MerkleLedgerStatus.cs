using Liaison.Ledger.Verification;
using Liaison.Storage.Ledger;

namespace Liaison.Node.Web.Ledger;

/// <summary>The journal page's "Verify": recomputes the node's RFC 9162 Merkle log and checks every signed checkpoint.</summary>
internal sealed class MerkleLedgerStatus(NodeLedger ledger, TimeProvider clock) : ILedgerStatus
{
    public string Kind => "RFC 9162 Merkle log with signed checkpoints";

    public async Task<LedgerVerification> VerifyAsync(CancellationToken ct)
    {
        var report = await LedgerVerifier.VerifyAsync(ledger.Store, ledger.VerifierKey, [], ct);
        var head = Convert.ToHexStringLower(ledger.Sequencer.RootAt(ledger.Sequencer.Size));
        if (report.Fault is { } fault)
        {
            return new LedgerVerification(LedgerVerdict.Failed, $"NOT intact: {(fault.Index is { } i ? $"first bad index {i}: " : "")}{fault.Message}", report.EntriesChecked, clock.GetUtcNow())
            {
                TreeHead = head,
                Findings = [fault.Message],
            };
        }
        return new LedgerVerification(LedgerVerdict.Verified,
            $"intact: {report.EntriesChecked} entries, {report.CheckpointsChecked} signed checkpoints (latest covers {report.CheckpointedSize})", report.EntriesChecked, clock.GetUtcNow())
        {
            TreeHead = $"size {ledger.Sequencer.Size}, root {head}",
        };
    }
}
