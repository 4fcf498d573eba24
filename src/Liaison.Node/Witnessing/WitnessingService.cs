using Microsoft.Extensions.Options;

namespace Liaison.Node.Witnessing;

/// <summary>Runs a <see cref="CosignatureRound"/> every <see cref="WitnessingOptions.IntervalSeconds"/> on the node's clock.</summary>
internal sealed class WitnessingService(CosignatureRound round, IOptions<WitnessingOptions> options, TimeProvider clock, ILogger<WitnessingService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        var interval = TimeSpan.FromSeconds(options.Value.IntervalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, clock, stoppingToken);
                await round.RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A round that fails (a peer's garbage, the database busy) must not stop witnessing for good.
                log.LogWarning(e, "witnessing round failed");
            }
        }
    }
}
