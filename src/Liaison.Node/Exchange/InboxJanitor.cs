using Liaison.Exchange.Delivery;
using Liaison.Node.Federation;
using Liaison.Storage;
using Liaison.Storage.Exchange;
using Liaison.Storage.Nodes;

namespace Liaison.Node.Exchange;

/// <summary>
/// Forgets inbox rows whose message expired more than the clock skew ago: after that the envelope's
/// expiry check refuses a replay by itself, so the duplicate filter need not remember the id. Runs
/// hourly (and once at start); the delete is idempotent, so every replica may run it.
/// </summary>
internal sealed class InboxJanitor(NodeFederation federation, NodeConfig node, TimeProvider clock, ILogger<InboxJanitor> log) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PurgeAsync(node, clock.GetUtcNow() - federation.Options.ClockSkew, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(e, "purging expired inbox rows failed; next try in {Interval}", Interval);
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

    /// <summary>Deletes the rows of messages that expired before <paramref name="before"/>; returns how many.</summary>
    public static async Task<int> PurgeAsync(NodeConfig node, DateTimeOffset before, CancellationToken ct)
    {
        await using var db = LiaisonDbFactory.Create(node);
        IInboxStore inbox = new DbInboxStore(db);
        return await inbox.PurgeExpiredAsync(before, ct);
    }
}
