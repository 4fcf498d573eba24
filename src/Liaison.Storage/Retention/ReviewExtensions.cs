using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.Retention;

/// <summary>Moves a record's review date later, keeping who did it, why and from which date.</summary>
public static class ReviewExtensions
{
    public const int MaxReasonLength = 1000;

    /// <summary>Returns the extension, or null when no record has this id (purged or never held).</summary>
    public static async Task<ReviewExtensionRow?> ExtendAsync(LiaisonDb db, string recordId, DateOnly until, string reason, string by, DateTimeOffset now,
        CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrWhiteSpace(recordId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        var row = await db.Records.FirstOrDefaultAsync(r => r.Id == recordId, ct);
        if (row is null)
        {
            return null;
        }
        var extension = new ReviewExtensionRow
        {
            RecordId = row.Id,
            CaseId = row.CaseId,
            PreviousReviewDate = row.ReviewDate,
            ReviewDate = until,
            Reason = reason.Trim(),
            ExtendedBy = by,
            ExtendedAt = now,
        };
        row.ReviewDate = until;
        db.Set<ReviewExtensionRow>().Add(extension);
        await db.SaveChangesAsync(ct);
        return extension;
    }

    public static Task<List<ReviewExtensionRow>> OfAsync(LiaisonDb db, string recordId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<ReviewExtensionRow>().AsNoTracking().Where(x => x.RecordId == recordId).OrderBy(x => x.Id).ToListAsync(ct);
    }
}
