using Liaison.Core.Policy.Retention;
using Liaison.Storage.Evidence;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.Retention;

/// <summary>
/// Review dates for evidence files: each case's hold on a file takes the policy's <c>evidence</c>
/// period from the day that case took it in (one file in two cases may be due on two dates; the file
/// goes when the last case's hold is purged). As for records, the schedule only brings dates forward.
/// </summary>
public static class EvidenceRetention
{
    /// <summary>Returns how many items got a new review date.</summary>
    public static async Task<long> AssignAsync(LiaisonDb db, RetentionSchedule schedule, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(schedule);
        var items = await db.Set<EvidenceItemRow>().ToListAsync(ct);
        long changed = 0;
        foreach (var item in items)
        {
            var due = schedule.Evidence.After(RetentionDay.Of(item.AddedAt));
            if (item.ReviewDate is null || item.ReviewDate > due)
            {
                item.ReviewDate = due;
                changed++;
            }
        }
        await db.SaveChangesAsync(ct);
        return changed;
    }

    /// <summary>
    /// The DPO's view of overdue evidence: case, digest, type, size, marking and dates — never the file
    /// name (it can name a person) or the bytes.
    /// </summary>
    public static async Task<IReadOnlyList<OverdueEvidence>> OverdueAsync(LiaisonDb db, DateOnly today, DateOnly purgeBefore, IReadOnlySet<string>? cases = null,
        int limit = 500, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Set<EvidenceItemRow>().AsNoTracking().Where(e => e.ReviewDate != null && e.ReviewDate < today);
        if (cases is not null)
        {
            var visible = cases.ToList();
            query = query.Where(e => visible.Contains(e.CaseId));
        }
        var rows = await query.OrderBy(e => e.ReviewDate).ThenBy(e => e.CaseId).ThenBy(e => e.Digest).Take(limit).ToListAsync(ct);
        return rows.Select(e => new OverdueEvidence(e.CaseId, e.Digest, e.MediaType, e.Length, e.Tlp, e.AddedAt, e.ReviewDate!.Value, e.ReviewDate < purgeBefore))
            .ToList();
    }

    /// <summary>The items whose review date is before <paramref name="purgeBefore"/>: due for the purge.</summary>
    public static async Task<IReadOnlyList<(string CaseId, string Digest)>> DueAsync(LiaisonDb db, DateOnly purgeBefore, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Set<EvidenceItemRow>().AsNoTracking().Where(e => e.ReviewDate != null && e.ReviewDate < purgeBefore)
            .OrderBy(e => e.CaseId).ThenBy(e => e.Digest).Select(e => new { e.CaseId, e.Digest }).ToListAsync(ct);
        return rows.Select(e => (e.CaseId, e.Digest)).ToList();
    }
}

/// <summary>One overdue evidence item on the review list: envelope only.</summary>
public sealed record OverdueEvidence(string CaseId, string Digest, string MediaType, long Length, string Tlp, DateTimeOffset AddedAt, DateOnly ReviewDate,
    bool DueForPurge);
