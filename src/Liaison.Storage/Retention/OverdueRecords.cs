using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.Retention;

/// <summary>
/// The DPO's review list: records past their review date, hidden from every other read path. It shows
/// the envelope (id, case, schema, subjects, markings, dates), never the properties or the caption,
/// because oversight never reads case content.
/// </summary>
public static class OverdueRecords
{
    public static async Task<IReadOnlyList<OverdueRecord>> ListAsync(LiaisonDb db, DateOnly today, DateOnly purgeBefore, IReadOnlySet<string>? cases = null,
        int limit = 500, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Records.AsNoTracking().Where(r => r.ReviewDate != null && r.ReviewDate < today);
        if (cases is not null)
        {
            var visible = cases.ToList();
            query = query.Where(r => visible.Contains(r.CaseId));
        }
        var rows = await query.OrderBy(r => r.ReviewDate).ThenBy(r => r.Id).Take(limit)
            .Select(r => new { r.Id, r.CaseId, r.Schema, r.Subjects, r.Tlp, r.HandlingCodes, r.OriginAgency, r.IsReceivedCopy, r.ProvenanceAt, r.ReviewDate })
            .ToListAsync(ct);
        return rows.Select(r => new OverdueRecord(r.Id, r.CaseId, r.Schema, (Core.Model.SubjectCategories)r.Subjects, (Core.Markings.Tlp)r.Tlp,
            (Core.Markings.HandlingCodes)r.HandlingCodes, r.OriginAgency, r.IsReceivedCopy, r.ProvenanceAt, r.ReviewDate!.Value, r.ReviewDate < purgeBefore)).ToList();
    }

    /// <summary>How many records are overdue (hidden) and how many of them are due for purge.</summary>
    public static async Task<(long Overdue, long DueForPurge)> CountAsync(LiaisonDb db, DateOnly today, DateOnly purgeBefore, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var overdue = await db.Records.LongCountAsync(r => r.ReviewDate != null && r.ReviewDate < today, ct);
        var due = await db.Records.LongCountAsync(r => r.ReviewDate != null && r.ReviewDate < purgeBefore, ct);
        return (overdue, due);
    }
}

/// <summary>One line of the review list: the envelope of an overdue record, no content.</summary>
public sealed record OverdueRecord(string Id, string CaseId, string Schema, Core.Model.SubjectCategories Subjects, Core.Markings.Tlp Tlp,
    Core.Markings.HandlingCodes Handling, string OriginAgency, bool IsReceivedCopy, DateTimeOffset ReceivedAt, DateOnly ReviewDate, bool DueForPurge);
