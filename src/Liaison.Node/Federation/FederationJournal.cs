using System.Globalization;
using Liaison.Ledger.Entries;
using Liaison.Storage;
using Liaison.Storage.Ledger;
using Liaison.Storage.Rows;

namespace Liaison.Node.Federation;

/// <summary>
/// Journals what hit/no-hit does at either end — runs, hits, refused envelopes and budgets — in the
/// tamper-evident ledger with the ledger type that says what happened (<c>hit-run</c>, <c>hit</c>,
/// <c>policy-decision</c>), and as rows of the audit table that index them. Policy decisions
/// themselves go through <see cref="Audit.AuditJournal"/> like every other request. Entries carry
/// counts, kinds, ids and rule names: never an identifier value.
/// </summary>
public sealed class FederationJournal(LiaisonDb db, NodeLedger ledger, TimeProvider clock)
{
    public async Task<long> RecordAsync(FederationEvent e, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(e);
        var indexes = await RecordAllAsync([e], ct);
        return indexes[0];
    }

    /// <summary>Appends several events at once (the appender batches them into one commit), then their audit rows.</summary>
    public async Task<long[]> RecordAllAsync(IReadOnlyList<FederationEvent> events, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var now = clock.GetUtcNow();
        var appends = events.Select(e => ledger.AppendAsync(e.ToLedgerEvent(now), ct).AsTask()).ToArray();
        var indexes = await Task.WhenAll(appends);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            db.Audit.Add(new AuditRow
            {
                At = now, Actor = e.Actor, Action = e.Action, Decision = e.Decision, CaseId = e.CaseId, Purpose = e.Purpose, Rule = e.Rule,
                Detail = e.DetailText(), LedgerIndex = indexes[i],
            });
        }
        await db.SaveChangesAsync(ct);
        return indexes;
    }
}

/// <summary>One hit/no-hit event to journal.</summary>
/// <param name="Action">The audit table's action name: "hit-run", "hit", "federation.psi".</param>
/// <param name="Subjects">Record ids concerned (the querier's own records that hit).</param>
public sealed record FederationEvent(
    LedgerEventType Type, string Actor, string Action, string Decision, string? CaseId, string? Purpose, string? Rule,
    IReadOnlyDictionary<string, string> Detail, IReadOnlyList<string>? Subjects = null)
{
    internal LedgerEvent ToLedgerEvent(DateTimeOffset now) => new()
    {
        Type = Type,
        Actor = Actor,
        Case = CaseId,
        Purpose = Purpose,
        Decision = Decision,
        Rule = Rule,
        Time = now,
        Subjects = Subjects ?? [],
        Detail = new Dictionary<string, string>(Detail) { ["action"] = Action },
    };

    internal string DetailText() =>
        string.Join(' ', Detail.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => $"{d.Key}={d.Value}"))
        + (Subjects is { Count: > 0 } s ? " records=" + string.Join(',', s) : "");

    internal static string Number(long n) => n.ToString(CultureInfo.InvariantCulture);
}
