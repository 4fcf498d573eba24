using Liaison.Ledger.Witnessing;
using Liaison.Storage.Nodes;
using Liaison.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.Ledger;

/// <summary>What this node, as a witness, last cosigned for each peer log; advanced only by compare-and-swap.</summary>
public sealed class DbWitnessStateStore(NodeConfig node) : IWitnessStateStore
{
    public async Task<string?> GetLatestAsync(string origin, CancellationToken cancellationToken)
    {
        await using var db = LiaisonDbFactory.Create(node);
        return await db.WitnessState.AsNoTracking().Where(w => w.Origin == origin).Select(w => w.SignedCheckpoint).FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<bool> TryAdvanceAsync(string origin, long expectedSize, long newSize, string signedCheckpoint, CancellationToken cancellationToken)
    {
        await using var db = LiaisonDbFactory.Create(node);
        if (expectedSize == 0 && !await db.WitnessState.AnyAsync(w => w.Origin == origin, cancellationToken))
        {
            db.WitnessState.Add(new WitnessStateRow { Origin = origin, Size = newSize, SignedCheckpoint = signedCheckpoint });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return true;
            }
            catch (DbUpdateException)
            {
                return false;
            }
        }
        // Compare-and-swap in one statement, so two concurrent cosign requests cannot both advance.
        var updated = await db.WitnessState.Where(w => w.Origin == origin && w.Size == expectedSize)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.Size, newSize).SetProperty(w => w.SignedCheckpoint, signedCheckpoint), cancellationToken);
        return updated == 1;
    }
}
