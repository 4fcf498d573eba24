using Liaison.Ledger.Entries;
using Liaison.Storage.Ledger;
using Liaison.Storage.Nodes;

namespace Liaison.Cli;

/// <summary>
/// What the operator does from the command line (init, imports, users) goes into the node's ledger
/// like any request: one entry per act, and a signed checkpoint before the command exits.
/// </summary>
internal static class CliJournal
{
    public static async Task RecordAsync(NodeConfig node, string action, string? caseId, IReadOnlyDictionary<string, string> detail, CancellationToken ct)
    {
        await using var ledger = await NodeLedger.OpenAsync(node, TimeProvider.System, ct: ct);
        var details = new Dictionary<string, string>(detail) { ["action"] = action };
        await ledger.AppendAsync(new LedgerEvent
        {
            Type = LedgerEventType.Admin,
            Actor = Commands.CommonOptions.Operator,
            Case = caseId,
            Decision = "permit",
            Rule = "node-operator",
            Time = TimeProvider.System.GetUtcNow(),
            Detail = details,
        }, ct);
        await ledger.CheckpointNowAsync(ct);
    }
}
