using System.Text.Json;
using Liaison.Core.Requests;
using Liaison.Ledger.Custody;
using Liaison.Node.Audit;
using Liaison.Storage;
using Liaison.Storage.Ledger;
using Liaison.Storage.Requests;
using Liaison.Storage.Rows;

namespace Liaison.Node.Requests;

/// <summary>
/// Writes a request's life into the node's ledger: every transition as a <c>request.*</c> entry, every
/// step of an evidence file's custody as a custody entry (RFC 9162 log, signed checkpoints). Entries
/// name requests, users, states and reason codes; the free text of a reason stays in the database,
/// because it may say more about the case than the ledger's readers (oversight, peers) may learn.
/// </summary>
public sealed class RequestJournal(LiaisonDb db, NodeLedger ledger, AuditJournal audit, TimeProvider clock)
{
    public const string Rule = "request-workflow";

    public async Task TransitionAsync(RequestTransition t, string caseId, string? purpose, RequestTransitionRow? row, string? via = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(t);
        var detail = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["request"] = t.RequestId,
            ["from"] = t.From?.ToString() ?? "-",
            ["to"] = t.To.ToString(),
            ["role"] = t.ActorRole.ToString(),
            ["reasonGiven"] = t.Reason is null ? "no" : "yes",
        };
        if (t.RefusalReason is { } code)
        {
            detail["refusalReason"] = code.ToString();
        }
        if (via is not null)
        {
            detail["via"] = via;
        }
        var index = await audit.RecordAsync(t.ActorId, "request." + Kebab(t.Action.ToString()), Kebab(t.To.ToString()), caseId, purpose, Rule,
            JsonSerializer.Serialize(detail), ct);
        if (row is not null)
        {
            row.LedgerIndex = index;
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>A deadline notice (reminder, escalation), journalled once per key.</summary>
    public Task NoticeAsync(string requestId, string caseId, string key, RequestRole notify, CancellationToken ct = default) =>
        audit.RecordAsync("system", "request.notice", "notify-" + Kebab(notify.ToString()), caseId, null, Rule,
            JsonSerializer.Serialize(new Dictionary<string, string> { ["request"] = requestId, ["notice"] = key }), ct);

    public async Task<long> CustodyAsync(string sha256Hex, CustodyAction action, string actor, string? counterparty, string caseId, string requestId, string? note,
        CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var step = new CustodyEvent
        {
            Item = EvidenceDigest.Prefix + sha256Hex, Action = action, Actor = actor, Time = now, Counterparty = counterparty, Case = caseId,
            Location = "request:" + requestId, Note = note,
        };
        var index = await ledger.AppendAsync(step.ToLedgerEvent(), ct);
        db.Audit.Add(new AuditRow
        {
            At = now, Actor = actor, Action = "custody." + action.WireName(), Decision = action.WireName(), CaseId = caseId, Rule = Rule,
            Detail = $"{step.Location} {EvidenceDigest.Prefix}{sha256Hex}", LedgerIndex = index,
        });
        await db.SaveChangesAsync(ct);
        return index;
    }

    internal static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
