using Liaison.Core.Policy;
using Liaison.Core.Policy.Retention;
using Liaison.Node.Audit;
using Liaison.Node.Policy;
using Liaison.Storage;
using Liaison.Storage.Retention;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Retention;

/// <summary>
/// What the DPO and supervisors do with overdue records, for the API and the web UI alike: the review
/// list (envelopes, never content), extending a review with a reason, and purging now. Each act goes
/// through the <see cref="RequestGate"/> and is journalled. The DPO sees every overdue record; a
/// supervisor only those of cases they may see, and one they may not see answers as missing.
/// </summary>
public sealed class RetentionDesk(RequestGate gate, LiaisonDb db, PolicyStore store, AuditJournal journal, RetentionPass pass, TimeProvider clock)
{
    public async Task<RetentionReview> ReviewAsync(int limit, CancellationToken ct)
    {
        var decision = await gate.DecideAsync(PolicyAction.ReviewRetention, subject: "overdue records", ct: ct);
        if (!decision.IsPermitted)
        {
            return new RetentionReview(decision, [], 0, 0) { Evidence = [] };
        }
        var today = RetentionDay.Today(clock);
        var purgeBefore = store.Current.Retention.PurgeBefore(today);
        var scope = await ScopeAsync(ct);
        var records = await OverdueRecords.ListAsync(db, today, purgeBefore, scope, limit, ct);
        var (overdue, due) = scope is null ? await OverdueRecords.CountAsync(db, today, purgeBefore, ct) : (records.Count, records.Count(r => r.DueForPurge));
        var evidence = await EvidenceRetention.OverdueAsync(db, today, purgeBefore, scope, limit, ct);
        var (callsOverdue, callsDue) = await CallRecordRetention.CountAsync(db, today, purgeBefore, scope, ct);
        return new RetentionReview(decision, records, overdue, due) { Evidence = evidence, CallRecordsOverdue = callsOverdue, CallRecordsDueForPurge = callsDue };
    }

    /// <summary>Moves a record's review date to <paramref name="until"/>; returns the refusal, or null when extended.</summary>
    public async Task<RetentionRefusal?> ExtendAsync(string recordId, DateOnly until, string? reason, CancellationToken ct)
    {
        var decision = await gate.DecideAsync(PolicyAction.ReviewRetention, subject: $"extend review of record {recordId}", ct: ct);
        if (!decision.IsPermitted)
        {
            return new RetentionRefusal(RetentionRefusalKind.Denied, decision.Rule + ": " + decision.Reason, decision);
        }
        var record = await db.Records.AsNoTracking().Where(r => r.Id == recordId).Select(r => new { r.Id, r.CaseId }).FirstOrDefaultAsync(ct);
        var scope = await ScopeAsync(ct);
        if (record is null || (scope is not null && !scope.Contains(record.CaseId)))
        {
            return new RetentionRefusal(RetentionRefusalKind.NotFound, $"record '{recordId}'", null);
        }
        var today = RetentionDay.Today(clock);
        var latest = LongestPeriod(store.Current.Retention).After(today);
        if (until <= today || until > latest)
        {
            return new RetentionRefusal(RetentionRefusalKind.Invalid,
                $"record '{recordId}': until: must be after {today:yyyy-MM-dd} and no later than {latest:yyyy-MM-dd} (the longest review period of the policy)", null);
        }
        if (string.IsNullOrWhiteSpace(reason) || reason.Length > ReviewExtensions.MaxReasonLength)
        {
            return new RetentionRefusal(RetentionRefusalKind.Invalid,
                $"record '{recordId}': reason: an extension needs a reason of 1 to {ReviewExtensions.MaxReasonLength} characters", null);
        }
        var caller = await gate.CallerAsync(ct);
        var extension = await ReviewExtensions.ExtendAsync(db, recordId, until, reason, caller.UserId, clock.GetUtcNow(), ct);
        await journal.RecordAsync(caller.UserId, "retention.extend", "permit", record.CaseId, rule: decision.Rule,
            detail: $"record {recordId}: review {extension!.PreviousReviewDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "(none)"} -> {until:yyyy-MM-dd}; reason: {extension.Reason}",
            ct: ct);
        return null;
    }

    /// <summary>Runs the retention pass now, under purge-records.</summary>
    public async Task<(PolicyDecision Decision, RetentionPassResult? Result)> PurgeNowAsync(CancellationToken ct)
    {
        var decision = await gate.DecideAsync(PolicyAction.PurgeRecords, subject: "purge overdue records now", ct: ct);
        if (!decision.IsPermitted)
        {
            return (decision, null);
        }
        var caller = await gate.CallerAsync(ct);
        return (decision, await pass.RunAsync(caller.UserId, ct));
    }

    /// <summary>Null for oversight (every case); otherwise the cases the caller may see.</summary>
    private async Task<IReadOnlySet<string>?> ScopeAsync(CancellationToken ct)
    {
        var caller = await gate.CallerAsync(ct);
        return caller.Has(Role.DataProtectionOfficer) ? null : gate.Engine.VisibleCases(caller);
    }

    private static RetentionPeriod LongestPeriod(RetentionSchedule schedule)
    {
        var today = new DateOnly(2000, 1, 1);
        return schedule.BySubject.Values.Append(schedule.Unflagged).MaxBy(p => p.After(today).DayNumber);
    }
}

/// <summary>The review list as one caller may see it.</summary>
public sealed record RetentionReview(PolicyDecision Decision, IReadOnlyList<OverdueRecord> Records, long Overdue, long DueForPurge)
{
    /// <summary>Evidence items past their review date (envelopes: case, digest, type, size, marking, dates).</summary>
    public IReadOnlyList<OverdueEvidence> Evidence { get; init; } = [];

    /// <summary>Call-detail rows past their review date (hidden), counted: rows are not listed one by one.</summary>
    public long CallRecordsOverdue { get; init; }

    /// <summary>Call-detail rows overdue beyond the grace period, which the next purge deletes.</summary>
    public long CallRecordsDueForPurge { get; init; }
}

/// <summary>Why an extension was not made.</summary>
public sealed record RetentionRefusal(RetentionRefusalKind Kind, string Detail, PolicyDecision? Decision);

/// <summary>The kinds of refusal: denied by policy (403), no such record for this caller (404), bad input (400).</summary>
public enum RetentionRefusalKind
{
    Denied,
    NotFound,
    Invalid,
}
