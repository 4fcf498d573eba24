using Liaison.Core.Requests;
using Liaison.Core.Requests.Deadlines;

namespace Liaison.Node.Requests;

/// <summary>
/// The deadline monitor as a hosted service: every <see cref="RequestsSettings.DeadlinePoll"/> on the node's
/// <see cref="TimeProvider"/>, reminders and escalations are journalled once per notice key, and requests past
/// their expiry are expired by the system.
/// </summary>
public sealed class RequestDeadlineWorker(IServiceScopeFactory scopes, RequestRulebook rules, RequestAftercare aftercare, TimeProvider clock,
    ILogger<RequestDeadlineWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (rules.Settings.DeadlinePoll <= TimeSpan.Zero)
        {
            return;
        }
        // PeriodicTimer takes at most ~49 days; a poll longer than a day would miss the 8-hour emergency deadlines anyway.
        using var timer = new PeriodicTimer(TimeSpan.FromTicks(Math.Min(rules.Settings.DeadlinePoll.Ticks, TimeSpan.TicksPerDay)), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    // Also a sweep for aftercare a failed pass left undone, in case no message signals it again.
                    await aftercare.RunOnceAsync(stoppingToken);
                    await RunOnceAsync(stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // One bad pass must not stop the monitor; the next tick tries again.
                    log.LogError(e, "the request deadline monitor failed a pass");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Shutdown: a host disposed without being stopped cancels the timer itself, not stoppingToken;
            // either way the monitor ends quietly instead of being reported as a crashed service.
        }
    }

    /// <summary>One pass: returns the notices acted on now (not those acted on before).</summary>
    public async Task<IReadOnlyList<DeadlineNotice>> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var service = scope.ServiceProvider.GetRequiredService<RequestService>();
        var journal = scope.ServiceProvider.GetRequiredService<RequestJournal>();
        var watched = await service.Store.WatchedAsync(ct);
        var acted = new List<DeadlineNotice>();
        foreach (var notice in rules.Monitor.Due(watched, clock.GetUtcNow()))
        {
            if (!await service.Store.MarkNoticeAsync(notice.Key, notice.RequestId, notice.Kind.ToString(), clock.GetUtcNow(), ct))
            {
                continue;
            }
            var row = await service.Store.FindAsync(notice.RequestId, ct);
            await journal.NoticeAsync(notice.RequestId, row?.CaseId ?? "", notice.Key, notice.Notify, ct);
            if (notice.Kind == NoticeKind.Expire)
            {
                var system = new RequestActor("system", rules.Node.NodeId, RequestRole.System);
                await service.ActAsync(notice.RequestId, null, r => service.Workflow.Expire(r, system, "no answer within the instrument's period and its grace"), ct);
            }
            acted.Add(notice);
        }
        return acted;
    }
}
