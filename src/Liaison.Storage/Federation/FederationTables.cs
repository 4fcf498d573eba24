using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.Federation;

/// <summary>The hit/no-hit tables of a node's database (mapped by this folder's configurations, not by <see cref="LiaisonDb"/> itself).</summary>
public static class FederationTables
{
    public static DbSet<PsiBudgetChargeRow> PsiBudgetCharges(this LiaisonDb db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<PsiBudgetChargeRow>();
    }

    public static DbSet<HitNoticeRow> HitNotices(this LiaisonDb db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Set<HitNoticeRow>();
    }
}
