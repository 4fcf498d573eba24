using Liaison.Core.Model;
using Liaison.Core.Policy.Retention;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.Retention;

/// <summary>
/// Gives every record the review date the policy's schedule allows: a record without one gets it, a
/// record carrying a later one is brought forward, and an extended record keeps its extension. Run
/// before each purge and after a policy reload, so that the one column every read path filters on is
/// always the date in force.
/// </summary>
public static class ReviewDates
{
    private const int Batch = 500;

    /// <summary>Returns how many records got a new review date.</summary>
    public static async Task<long> AssignAsync(LiaisonDb db, RetentionSchedule schedule, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(schedule);
        var extended = await db.Set<ReviewExtensionRow>().AsNoTracking()
            .GroupBy(x => x.RecordId).Select(g => new { RecordId = g.Key, Last = g.Max(x => x.Id) }).ToListAsync(ct);
        var lastIds = extended.Select(x => x.Last).ToList();
        var extensions = await db.Set<ReviewExtensionRow>().AsNoTracking().Where(x => lastIds.Contains(x.Id))
            .ToDictionaryAsync(x => x.RecordId, x => x.ReviewDate, StringComparer.Ordinal, ct);
        var changes = new Dictionary<DateOnly, List<string>>();
        var rows = db.Records.AsNoTracking().Select(r => new { r.Id, r.Subjects, r.ProvenanceAt, r.ReviewDate });
        await foreach (var r in rows.AsAsyncEnumerable().WithCancellation(ct))
        {
            var due = extensions.TryGetValue(r.Id, out var extendedTo)
                ? extendedTo
                : schedule.ReviewDateOf((SubjectCategories)r.Subjects, RetentionDay.Of(r.ProvenanceAt), r.ReviewDate);
            if (due != r.ReviewDate)
            {
                (changes.TryGetValue(due, out var ids) ? ids : changes[due] = []).Add(r.Id);
            }
        }
        long changed = 0;
        foreach (var (due, ids) in changes)
        {
            foreach (var chunk in ids.Chunk(Batch))
            {
                changed += await db.Records.Where(r => chunk.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.ReviewDate, due), ct);
            }
        }
        return changed;
    }
}
