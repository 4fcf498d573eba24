using Liaison.Matching.Psi;
using Liaison.Storage;
using Liaison.Storage.Federation;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Federation;

/// <summary>
/// At start-up, replays the charges of the last budget period from <c>psi_budget_charges</c> into the
/// node's in-memory <see cref="PsiBudget"/>, and deletes older ones. Without it a restart would give
/// every peer a full allowance again — the enumeration bound of docs/protocol.md would reset with the process.
/// </summary>
internal sealed class BudgetRestore(IServiceScopeFactory scopes, NodeFederation federation, TimeProvider clock) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDb>();
        var cutoff = clock.GetUtcNow() - PsiBudget.Period;
        // DateTimeOffset is stored as a binary long on SQLite: compare in memory after a coarse id order, the table holds one period only.
        var charges = await db.PsiBudgetCharges().AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        var expired = new List<long>();
        foreach (var charge in charges)
        {
            if (charge.ChargedAt <= cutoff)
            {
                expired.Add(charge.Id);
                continue;
            }
            federation.Budget.Restore(charge.PeerId, charge.SessionId, charge.Identifiers, charge.ChargedAt);
        }
        if (expired.Count > 0)
        {
            await db.PsiBudgetCharges().Where(c => expired.Contains(c.Id)).ExecuteDeleteAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
