using Liaison.Node.Witnessing;
using Liaison.Storage.Ledger;
using Liaison.Storage.Witnessing;

namespace Liaison.Node.Web.Ledger;

/// <summary>
/// What the journal page shows about witnessing: which peers cosigned the latest checkpoint, and the
/// split-view and inconsistency alerts this node raised as a witness of its peers.
/// </summary>
internal sealed class WitnessingStatus(NodeLedger ledger, WitnessAlerts alerts)
{
    public sealed record View(long? CheckpointSize, IReadOnlyList<string> Cosigners, IReadOnlyList<WitnessAlertRow> Alerts);

    public async Task<View> ReadAsync(CancellationToken ct)
    {
        var latest = await CosignedCheckpoint.LatestAsync(ledger, ct);
        return new View(latest?.Size, latest?.Cosigners.Select(c => c.Witness).ToList() ?? [], await alerts.LatestAsync(20, ct));
    }
}
