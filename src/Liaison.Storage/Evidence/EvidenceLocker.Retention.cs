using Liaison.Ledger.Custody;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.Evidence;

public sealed partial class EvidenceLocker
{
    /// <summary>
    /// Takes an item out of a case under the retention schedule: its row goes, and when no other case
    /// holds the same bytes the stored file goes too, after a <c>purged</c> custody step (with the
    /// digest) is journalled — the ledger is append-only, so the trail before it stays and a verifier
    /// can tell a purged file from a missing one. While another case still holds the file it stays in
    /// custody and no step is written. Repeatable: a purge that stopped after journalling is finished
    /// without a second step. Returns true when the file itself was deleted.
    /// </summary>
    public async Task<bool> PurgeAsync(string caseId, string digest, string actor, string note, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(caseId);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        digest = EvidenceDigest.Normalise(digest);
        await _steps.WaitAsync(ct);
        try
        {
            await using var db = LiaisonDbFactory.Create(node);
            var held = await RequireHeldAsync(db, caseId, digest, ct);
            var othersHold = await db.Set<EvidenceItemRow>().AnyAsync(e => e.Digest == digest && e.CaseId != caseId, ct);
            if (!othersHold)
            {
                var trail = await TrailAsync(digest, ct);
                if (trail.Purge is null)
                {
                    await JournalAsync(db, trail, new CustodyEvent
                    {
                        Item = digest, Action = CustodyAction.Purged, Actor = actor, Time = clock.GetUtcNow(), Case = caseId, Note = note,
                    }, ct);
                }
            }
            await db.Set<EvidenceItemRow>().Where(e => e.CaseId == held.CaseId && e.Digest == digest).ExecuteDeleteAsync(ct);
            if (othersHold)
            {
                return false;
            }
            File.Delete(Store.PathOf(digest));
            return true;
        }
        finally
        {
            _steps.Release();
        }
    }
}
