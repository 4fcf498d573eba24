using Microsoft.Extensions.Options;

namespace Liaison.Node.Retention;

/// <summary>
/// Runs the retention pass at start and then every <see cref="RetentionOptions.Every"/> on the injected
/// clock. A failing pass is logged and retried at the next tick; it never stops the node.
/// </summary>
internal sealed class RetentionWorker(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }
        using var timer = new PeriodicTimer(options.Value.Every, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<RetentionPass>().RunAsync("node:retention-schedule", stoppingToken);
                if (result.RecordsPurged > 0)
                {
                    log.LogInformation("retention run {Run}: {Records} records purged", result.RunId, result.RecordsPurged);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "retention pass failed; retrying at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
