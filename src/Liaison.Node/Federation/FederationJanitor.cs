using Liaison.Storage;
using Liaison.Storage.Federation;
using Liaison.Storage.Nodes;

namespace Liaison.Node.Federation;

/// <summary>
/// Deletes what hit/no-hit no longer needs: replay ids whose messages the expiry check now refuses by
/// itself, and linkage runs past their expiry (with their uploads and results). Every ten minutes and
/// once at start; the deletes are idempotent, so every replica may run it. <c>liaison hub purge</c>
/// runs the same clean-up from the command line.
/// </summary>
internal sealed class FederationJanitor(NodeConfig node, TimeProvider clock, ILogger<FederationJanitor> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (ids, runs) = await PurgeAsync(node, clock.GetUtcNow(), stoppingToken);
                if (runs > 0)
                {
                    log.LogInformation("linkage hub: deleted {Runs} expired run(s); forgot {Ids} expired message id(s)", runs, ids);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(e, "hit/no-hit clean-up failed; next try in {Interval}", Interval);
            }
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Forgets expired replay ids and deletes expired linkage runs; returns how many of each.</summary>
    public static async Task<(int ReplayIds, int Runs)> PurgeAsync(NodeConfig node, DateTimeOffset now, CancellationToken ct)
    {
        await using var db = LiaisonDbFactory.Create(node);
        var ids = await new DbFederationReplay(db).PurgeExpiredAsync(now, ct);
        var runs = await db.PurgeExpiredRunsAsync(now, ct);
        return (ids, runs);
    }
}
