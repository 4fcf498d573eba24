using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.Federation;

/// <summary>
/// The linkage hub's tables (<c>linkage_runs</c>, <c>linkage_uploads</c>, <c>linkage_results</c>): what an
/// operator may see of them (node ids, counts and times — never a CLK or a record reference) and the
/// clean-up of expired runs.
/// </summary>
public static class LinkageHubTables
{
    public static DbSet<LinkageRunRow> LinkageRuns(this LiaisonDb db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<LinkageRunRow>();
    }

    public static DbSet<LinkageUploadRow> LinkageUploads(this LiaisonDb db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<LinkageUploadRow>();
    }

    public static DbSet<LinkageUploadPartRow> LinkageUploadParts(this LiaisonDb db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<LinkageUploadPartRow>();
    }

    public static DbSet<LinkageResultRow> LinkageResults(this LiaisonDb db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<LinkageResultRow>();
    }

    /// <summary>Deletes <paramref name="runs"/> with their uploads and results, in one transaction; returns how many runs.</summary>
    public static async Task<int> DeleteRunsAsync(this LiaisonDb db, IReadOnlyCollection<string> runs, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count == 0)
        {
            return 0;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LinkageResults().Where(r => runs.Contains(r.Run)).ExecuteDeleteAsync(ct);
        await db.LinkageUploads().Where(u => runs.Contains(u.Run)).ExecuteDeleteAsync(ct);
        await db.LinkageUploadParts().Where(u => runs.Contains(u.Run)).ExecuteDeleteAsync(ct);
        var deleted = await db.LinkageRuns().Where(r => runs.Contains(r.Run)).ExecuteDeleteAsync(ct);
        await tx.CommitAsync(ct);
        return deleted;
    }

    /// <summary>Deletes every run that expired at or before <paramref name="now"/>; returns how many.</summary>
    public static async Task<int> PurgeExpiredRunsAsync(this LiaisonDb db, DateTimeOffset now, CancellationToken ct = default)
    {
        now = now.ToUniversalTime();
        var expired = await db.LinkageRuns().Where(r => r.ExpiresAt <= now).Select(r => r.Run).ToListAsync(ct);
        return await db.DeleteRunsAsync(expired, ct);
    }

    /// <summary>Every run, oldest first, with each participant's upload count and the links found — for the operator.</summary>
    public static async Task<IReadOnlyList<LinkageRunSummary>> RunSummariesAsync(this LiaisonDb db, CancellationToken ct = default)
    {
        var runs = await db.LinkageRuns().AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct);
        var uploads = (await db.LinkageUploads().AsNoTracking().Select(u => new { u.Run, u.Participant, u.ClkCount, u.UploadedAt, Held = u.Clks != null }).ToListAsync(ct))
            .ToLookup(u => u.Run, StringComparer.Ordinal);
        var results = (await db.LinkageResults().AsNoTracking().Select(r => new { r.Run, r.LinkCount, r.Comparisons }).ToListAsync(ct))
            .ToLookup(r => r.Run, StringComparer.Ordinal);
        return [.. runs.Select(r =>
        {
            var participants = r.Participants.Split(',');
            var up = uploads[r.Run].ToDictionary(u => u.Participant, StringComparer.Ordinal);
            return new LinkageRunSummary(r.Run, r.SchemaFingerprint, r.FilterBits, r.OpenedAt, r.ExpiresAt, r.LinkedAt,
                [.. participants.Select(p => up.TryGetValue(p, out var u) ? new LinkageParticipantSummary(p, u.ClkCount, u.UploadedAt, u.Held) : new LinkageParticipantSummary(p, null, null, false))],
                results[r.Run].Sum(x => x.LinkCount), results[r.Run].Sum(x => x.Comparisons));
        })];
    }
}

/// <summary>What an operator sees of one linkage run: node ids, counts and times.</summary>
public sealed record LinkageRunSummary(string Run, string SchemaFingerprint, int FilterBits, DateTimeOffset OpenedAt, DateTimeOffset ExpiresAt,
    DateTimeOffset? LinkedAt, IReadOnlyList<LinkageParticipantSummary> Participants, int Links, long Comparisons)
{
    /// <summary>open (waiting for uploads), linked, or expired (not yet cleaned up).</summary>
    public string State(DateTimeOffset now) => ExpiresAt <= now ? "expired" : LinkedAt is null ? "open" : "linked";
}

/// <summary>One participant of a run: how many CLKs it uploaded and when (null: not yet), and whether the hub still holds them.</summary>
public sealed record LinkageParticipantSummary(string NodeId, int? Clks, DateTimeOffset? UploadedAt, bool ClksHeld);
