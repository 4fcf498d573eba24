using Liaison.Core.Policy;
using Liaison.Core.Policy.Retention;
using Liaison.Node.Audit;
using Liaison.Storage;
using Liaison.Storage.Evidence;
using Liaison.Storage.Retention;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Retention;

/// <summary>
/// One retention pass: bring review dates in line with the policy in force, purge what has been
/// overdue longer than the grace period, journal the purge (ids and counts, never content), and hand
/// the purged ids to the exchange so recipients withdraw their copies. Each step can be repeated: a
/// pass that stopped half-way is finished by the next.
/// </summary>
public sealed class RetentionPass(LiaisonDb db, AuditJournal journal, PolicyStore store, TimeProvider clock, IRecordWithdrawals? withdrawals = null,
    EvidenceLocker? evidence = null)
{
    /// <summary>Purged ids per ledger entry: an entry stays small, and the digest in the run's entry covers them all.</summary>
    public const int IdsPerEntry = 2000;

    public async Task<RetentionPassResult> RunAsync(string by, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(by);
        var schedule = store.Current.Retention;
        var today = RetentionDay.Today(clock);
        var reviewed = await ReviewDates.AssignAsync(db, schedule, ct);
        var callsReviewed = await CallRecordRetention.AssignAsync(db, schedule, today, ct);
        var run = await RecordPurge.RunAsync(db, schedule.PurgeBefore(today), by, clock.GetUtcNow(), ct);
        await JournalPendingAsync(ct);
        var evidenceReviewed = await EvidenceRetention.AssignAsync(db, schedule, ct);
        var (evidencePurged, filesDeleted) = await PurgeEvidenceAsync(schedule.PurgeBefore(today), by, ct);
        var (announced, queued, pending) = await AnnounceAsync(ct);
        return new RetentionPassResult(run.Id, reviewed, run.Records, run.Identifiers, schedule.PurgeBefore(today), announced, queued, pending)
        {
            CallRecordReviewDatesSet = callsReviewed,
            CallRecordsPurged = run.CallRecords,
            EvidenceReviewDatesSet = evidenceReviewed,
            EvidencePurged = evidencePurged,
            EvidenceFilesDeleted = filesDeleted,
        };
    }

    /// <summary>
    /// Takes each evidence item overdue beyond the grace period out of its case through the locker,
    /// which journals the <c>purged</c> custody step and deletes the file once no case holds it; each
    /// is also journalled here as <c>retention.purge.evidence</c> (digest and case, never the file name).
    /// Without a locker (a node with no evidence room) the items wait for a pass that has one.
    /// </summary>
    private async Task<(long Items, long Files)> PurgeEvidenceAsync(DateOnly purgeBefore, string by, CancellationToken ct)
    {
        if (evidence is null)
        {
            return (0, 0);
        }
        long items = 0, files = 0;
        foreach (var (caseId, digest) in await EvidenceRetention.DueAsync(db, purgeBefore, ct))
        {
            var deleted = await evidence.PurgeAsync(caseId, digest, by, $"review date before {purgeBefore:yyyy-MM-dd}: purged under the retention schedule", ct);
            await journal.RecordAsync(by, "retention.purge.evidence", "permit", caseId, rule: "retention-schedule",
                detail: $"evidence {digest} in case {caseId}: review date passed; "
                    + (deleted ? "file deleted, custody step 'purged' journalled" : "the case's hold removed, another case still holds the file"), ct: ct);
            items++;
            files += deleted ? 1 : 0;
        }
        return (items, files);
    }

    /// <summary>Journals every run not in the ledger yet: its counts and the digest of its ids, then the ids in parts.</summary>
    private async Task JournalPendingAsync(CancellationToken ct)
    {
        var runs = await db.Set<PurgeRunRow>().Where(r => r.LedgerIndex == null).OrderBy(r => r.Id).ToListAsync(ct);
        foreach (var run in runs)
        {
            var ids = await RecordPurge.IdsAsync(db, run.Id, ct);
            var parts = ids.Chunk(IdsPerEntry).ToList();
            run.LedgerIndex = await journal.RecordAsync(run.StartedBy, "retention.purge", "permit", rule: "retention-schedule",
                detail: $"run {run.Id}: {run.Records} records, {run.Identifiers} identifiers and {run.CallRecords} call-detail rows past review before {run.PurgedBefore:yyyy-MM-dd} purged; "
                    + $"ids sha256 {RecordPurge.Digest(ids)} in {parts.Count} part(s)", ct: ct);
            for (var i = 0; i < parts.Count; i++)
            {
                await journal.RecordAsync(run.StartedBy, "retention.purge.ids", "permit", rule: "retention-schedule",
                    detail: $"run {run.Id} part {i + 1}/{parts.Count}: {string.Join(' ', parts[i])}", ct: ct);
            }
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>Hands unannounced purged records to the exchange; without one they stay pending.</summary>
    private async Task<(long Announced, long Queued, long Pending)> AnnounceAsync(CancellationToken ct)
    {
        var set = db.Set<PurgedRecordRow>();
        if (withdrawals is null)
        {
            return (0, 0, await set.LongCountAsync(p => p.AnnouncedAt == null, ct));
        }
        long announced = 0, queued = 0;
        while (true)
        {
            var batch = await set.Where(p => p.AnnouncedAt == null).OrderBy(p => p.Id).Take(IdsPerEntry).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }
            var sent = await withdrawals.WithdrawAsync(batch.Select(p => new PurgedRecord(p.RecordId, p.CaseId, p.OriginNode)).ToList(), ct);
            var now = clock.GetUtcNow();
            var runOf = batch.GroupBy(p => p.RecordId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(p => p.RunId), StringComparer.Ordinal);
            foreach (var w in sent.Where(w => runOf.ContainsKey(w.RecordId)))
            {
                db.Set<RecordWithdrawalRow>().Add(new RecordWithdrawalRow { RunId = runOf[w.RecordId], RecordId = w.RecordId, Recipient = w.Recipient, QueuedAt = now });
            }
            foreach (var p in batch)
            {
                p.AnnouncedAt = now;
            }
            await db.SaveChangesAsync(ct);
            await journal.RecordAsync("node", "retention.withdraw", "permit", rule: "retention-schedule",
                detail: $"{batch.Count} purged record(s) announced; {sent.Count} withdrawal(s) queued for {sent.Select(w => w.Recipient).Distinct(StringComparer.Ordinal).Count()} recipient(s)", ct: ct);
            announced += batch.Count;
            queued += sent.Count;
        }
        return (announced, queued, 0);
    }
}

/// <summary>What a pass did.</summary>
public sealed record RetentionPassResult(long RunId, long ReviewDatesSet, long RecordsPurged, long IdentifiersPurged, DateOnly PurgedBefore,
    long Announced, long WithdrawalsQueued, long WithdrawalsPending)
{
    /// <summary>Call-detail rows that got a new review date.</summary>
    public long CallRecordReviewDatesSet { get; init; }

    /// <summary>Call-detail rows deleted (by count; CDRs are journalled as a number, not one id each).</summary>
    public long CallRecordsPurged { get; init; }

    /// <summary>Evidence items (case holds) that got a new review date.</summary>
    public long EvidenceReviewDatesSet { get; init; }

    /// <summary>Evidence items taken out of their case.</summary>
    public long EvidencePurged { get; init; }

    /// <summary>Stored evidence files deleted (no case held them any more), each with a <c>purged</c> custody step.</summary>
    public long EvidenceFilesDeleted { get; init; }
}
