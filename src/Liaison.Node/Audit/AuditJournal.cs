using Liaison.Ledger.Entries;
using Liaison.Storage;
using Liaison.Storage.Ledger;
using Liaison.Storage.Rows;

namespace Liaison.Node.Audit;

/// <summary>
/// Journals every access decision — who, what, which case, which purpose, permitted or denied and by
/// which rule — first into the tamper-evident ledger (the authority), then as a row of the audit table
/// that indexes it for the UI and statistics. The entry is durable before the caller acts on the
/// decision, so no access goes unjournalled.
/// </summary>
public sealed class AuditJournal(LiaisonDb db, NodeLedger ledger, TimeProvider clock)
{
    public async Task<long> RecordAsync(string actor, string action, string decision, string? caseId = null, string? purpose = null, string? rule = null, string? detail = null, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var details = new Dictionary<string, string> { ["action"] = action };
        if (detail is not null)
        {
            details["detail"] = detail;
        }
        var index = await ledger.AppendAsync(new LedgerEvent
        {
            Type = TypeOf(action),
            Actor = actor,
            Case = caseId,
            Purpose = purpose,
            Decision = decision,
            Rule = rule,
            Time = now,
            Detail = details,
        }, ct);
        db.Audit.Add(new AuditRow { At = now, Actor = actor, Action = action, Decision = decision, CaseId = caseId, Purpose = purpose, Rule = rule, Detail = detail, LedgerIndex = index });
        await db.SaveChangesAsync(ct);
        return index;
    }

    private static LedgerEventType TypeOf(string action) => action switch
    {
        "read-record" => LedgerEventType.Read,
        "search" => LedgerEventType.Query,
        "share" => LedgerEventType.Share,
        "run-match" => LedgerEventType.HitRun,
        _ when action.StartsWith("request.", StringComparison.Ordinal) => LedgerEventType.RequestTransition,
        _ when action.StartsWith("custody.", StringComparison.Ordinal) => LedgerEventType.Custody,
        _ when action.StartsWith("admin.", StringComparison.Ordinal) || action.StartsWith("policy.", StringComparison.Ordinal) => LedgerEventType.Admin,
        _ => LedgerEventType.PolicyDecision,
    };
}
