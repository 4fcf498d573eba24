using Liaison.Ledger.Custody;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.Evidence;

public sealed partial class EvidenceLocker
{
    /// <summary>
    /// The item's custody steps in ledger order, read back from the ledger entries themselves (the
    /// <c>evidence_custody</c> table only says which entries to read).
    /// </summary>
    public async Task<CustodyTrail> TrailAsync(string digest, CancellationToken ct = default)
    {
        digest = EvidenceDigest.Normalise(digest);
        List<long> indexes;
        await using (var db = LiaisonDbFactory.Create(node))
        {
            indexes = await db.Set<CustodyIndexRow>().AsNoTracking().Where(c => c.Digest == digest)
                .OrderBy(c => c.LedgerIndex).Select(c => c.LedgerIndex).ToListAsync(ct);
        }
        var steps = new List<(long, CustodyEvent)>(indexes.Count);
        foreach (var index in indexes)
        {
            var entry = await ledger.Store.GetEntryAsync(index, ct);
            if (CustodyEvent.FromLedgerEvent(entry.Decode()) is { } step && step.Item == digest)
            {
                steps.Add((index, step));
            }
        }
        return new CustodyTrail(digest, steps);
    }

    private static bool InCustody(CustodyTrail trail)
    {
        var held = false;
        foreach (var (_, step) in trail.Steps)
        {
            held = step.Action switch
            {
                CustodyAction.Collected or CustodyAction.ReceivedFrom => true,
                CustodyAction.TransferredTo or CustodyAction.Purged => false,
                _ => held,
            };
        }
        return held;
    }

    /// <summary>Journals the step if it keeps the chain sound; indexes it; returns its ledger index.</summary>
    private async Task<long> JournalAsync(LiaisonDb db, CustodyTrail trail, CustodyEvent step, CancellationToken ct)
    {
        var before = trail.Problems().Count;
        var after = (trail with { Steps = [.. trail.Steps, (long.MaxValue, step)] }).Problems();
        if (after.Count > before)
        {
            var reason = after[^1].Replace($"entry {long.MaxValue} ", "", StringComparison.Ordinal);
            throw new CustodyRefusedException(step.Case ?? "-", step.Item, "refused, it would break the chain of custody: " + reason);
        }
        var index = await ledger.AppendAsync(step.ToLedgerEvent(), ct);
        db.Add(new CustodyIndexRow { LedgerIndex = index, Digest = step.Item });
        await db.SaveChangesAsync(ct);
        return index;
    }

    private static async Task<EvidenceItemRow> RequireHeldAsync(LiaisonDb db, string caseId, string digest, CancellationToken ct) =>
        await db.Set<EvidenceItemRow>().AsNoTracking().FirstOrDefaultAsync(e => e.CaseId == caseId && e.Digest == digest, ct)
        ?? throw new CustodyRefusedException(caseId, digest, "the case holds no such evidence") { IsUnknownItem = true };
}
