using Liaison.Core.Policy.Retention;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.Retention;

/// <summary>
/// Review dates for call-detail rows. A CDR names no subject category, so it takes the policy's
/// <c>call-records</c> period from the day its import reached this node — one UPDATE per import, never
/// a row at a time, because CDRs come by the million. As for records, the schedule only brings dates
/// forward (a shorter period after a policy reload takes effect; a longer one does not extend).
/// </summary>
public static class CallRecordRetention
{
    /// <summary>Returns how many rows got a new review date.</summary>
    public static async Task<long> AssignAsync(LiaisonDb db, RetentionSchedule schedule, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(schedule);
        var imports = await db.Imports.AsNoTracking().Where(i => db.CallRecords.Any(c => c.ImportId == i.Id))
            .Select(i => new { i.Id, i.ImportedAt }).ToListAsync(ct);
        long changed = 0;
        foreach (var import in imports)
        {
            var due = schedule.CallRecords.After(RetentionDay.Of(import.ImportedAt));
            changed += await db.CallRecords.Where(c => c.ImportId == import.Id && (c.ReviewDate == null || c.ReviewDate > due))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReviewDate, due), ct);
        }
        // A row whose import row is gone has no provenance date: it is counted from the day the pass first sees it.
        var orphanDue = schedule.CallRecords.After(today);
        changed += await db.CallRecords.Where(c => c.ReviewDate == null && !db.Imports.Any(i => i.Id == c.ImportId))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ReviewDate, orphanDue), ct);
        return changed;
    }

    /// <summary>How many call-detail rows (of <paramref name="cases"/>, or all when null) are past review (hidden), and how many are due for purge.</summary>
    public static async Task<(long Overdue, long DueForPurge)> CountAsync(LiaisonDb db, DateOnly today, DateOnly purgeBefore, IReadOnlySet<string>? cases = null,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.CallRecords.AsNoTracking().Where(c => c.ReviewDate != null && c.ReviewDate < today);
        if (cases is not null)
        {
            var visible = cases.ToList();
            query = query.Where(c => visible.Contains(c.CaseId));
        }
        return (await query.LongCountAsync(ct), await query.LongCountAsync(c => c.ReviewDate < purgeBefore, ct));
    }
}
