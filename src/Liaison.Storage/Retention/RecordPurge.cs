using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.Retention;

/// <summary>
/// Deletes the records whose review date is before the cut-off, with their identifiers, and the call-detail rows past theirs, in one
/// transaction that also writes the run and the list of purged ids (no content). Set-based SQL on both
/// providers, so 100,000 records go in seconds; nothing that is not overdue is touched.
/// </summary>
public static class RecordPurge
{
    /// <summary>Purges; returns the run, with <c>Id</c> 0 when nothing was due.</summary>
    public static async Task<PurgeRunRow> RunAsync(LiaisonDb db, DateOnly purgeBefore, string by, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        // SQLite keeps DateOnly as 'yyyy-MM-dd' text, which sorts as dates do; PostgreSQL has a date type.
        object cutoff = db.Provider == StorageProvider.Sqlite ? purgeBefore.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : purgeBefore;
        var run = new PurgeRunRow { StartedAt = now, PurgedBefore = purgeBefore, StartedBy = by };
        // Nothing due: no run row and no ledger entry, so an idle schedule does not fill the ledger.
        if (!await db.Records.AnyAsync(r => r.ReviewDate != null && r.ReviewDate < purgeBefore, ct)
            && !await db.CallRecords.AnyAsync(c => c.ReviewDate != null && c.ReviewDate < purgeBefore, ct))
        {
            return run;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Set<PurgeRunRow>().Add(run);
        await db.SaveChangesAsync(ct);
        var id = run.Id;
        run.Records = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO retention_purged (run_id, record_id, case_id, origin_node, review_date)
            SELECT {id}, "Id", "CaseId", "OriginNode", "ReviewDate" FROM records WHERE "ReviewDate" IS NOT NULL AND "ReviewDate" < {cutoff}
            """, ct);
        if (run.Records > 0)
        {
            run.Identifiers = await db.Database.ExecuteSqlAsync(
                $"""DELETE FROM identifiers WHERE "RecordId" IN (SELECT record_id FROM retention_purged WHERE run_id = {id})""", ct);
            var deleted = await db.Database.ExecuteSqlAsync(
                $"""DELETE FROM records WHERE "Id" IN (SELECT record_id FROM retention_purged WHERE run_id = {id})""", ct);
            if (deleted != run.Records)
            {
                throw new InvalidOperationException($"purge run {id}: listed {run.Records} records but deleted {deleted}; rolled back");
            }
        }
        // Call-detail rows go by count, not id: they are never shared one by one, and a run may take millions.
        run.CallRecords = await db.Database.ExecuteSqlAsync(
            $"""DELETE FROM call_records WHERE "ReviewDate" IS NOT NULL AND "ReviewDate" < {cutoff}""", ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return run;
    }

    /// <summary>The ids a run purged, in id order.</summary>
    public static Task<List<string>> IdsAsync(LiaisonDb db, long runId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<PurgedRecordRow>().AsNoTracking().Where(p => p.RunId == runId).OrderBy(p => p.RecordId).Select(p => p.RecordId).ToListAsync(ct);
    }

    /// <summary>
    /// Hex SHA-256 over the purged ids in ordinal order, one per line: journalled with the count, so an
    /// auditor holding the node's purge list can check it against the ledger without the ledger holding every id.
    /// </summary>
    public static string Digest(IEnumerable<string> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var id in ids.Order(StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(id + "\n"));
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
