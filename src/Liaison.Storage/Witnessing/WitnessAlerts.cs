using Liaison.Storage.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.Witnessing;

/// <summary>The split-view and inconsistency alerts this node raised as a witness.</summary>
public sealed class WitnessAlerts(NodeConfig node)
{
    public async Task AddAsync(WitnessAlertRow alert, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(alert);
        await using var db = LiaisonDbFactory.Create(node);
        db.Add(alert);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The latest alerts, newest first.</summary>
    public async Task<IReadOnlyList<WitnessAlertRow>> LatestAsync(int count, CancellationToken ct)
    {
        await using var db = LiaisonDbFactory.Create(node);
        return await db.Set<WitnessAlertRow>().AsNoTracking().OrderByDescending(a => a.Id).Take(count).ToListAsync(ct);
    }
}
