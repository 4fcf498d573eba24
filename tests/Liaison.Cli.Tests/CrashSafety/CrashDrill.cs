using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Liaison.Cli.Tests.CrashSafety;

/// <summary>Which node a kill hits.</summary>
public enum KillSide
{
    Receiver,
    Sender,
}

/// <summary>
/// What a drill does: <paramref name="Messages"/> case messages posted by GB's supervisor to NL,
/// <paramref name="Concurrency"/> at a time, and one SIGKILL per entry of <paramref name="Kills"/>,
/// spread evenly over the burst: kill k fires once k/(K+1) of the burst has been received (a
/// receiver kill) or answered (a sender kill), and until it has fired the client posts at most
/// <see cref="Overlap"/> messages beyond that point — so every kill lands with messages in flight,
/// however slowly the killed node starts again.
/// </summary>
public sealed record DrillPlan(int Messages, IReadOnlyList<KillSide> Kills, int Concurrency = 4, int Seed = 1)
{
    /// <summary>Messages the client may post past the next kill's point before it fires.</summary>
    public int Overlap => Math.Max(Concurrency, Messages / (Kills.Count + 1) / 2);

    /// <summary>The point of kill <paramref name="k"/> (0-based) in the burst.</summary>
    public int Threshold(int k) => (k + 1) * Messages / (Kills.Count + 1);

    /// <summary>How long a node may take to start, and the burst to make progress, before the drill fails.</summary>
    public TimeSpan Patience { get; init; } = TimeSpan.FromSeconds(120);
}

/// <summary>The outcome: the count, the kills made, and what happened when.</summary>
public sealed record DrillResult(DeliveryTally Tally, int ReceiverKills, int SenderKills, TimeSpan Wall, IReadOnlyList<string> Log, IReadOnlyList<string> Refusals);

/// <summary>
/// Posts a burst of case messages through the sender's API while killing the receiver, the sender
/// or both with SIGKILL and starting them again, then waits until the sender's outbox is drained and
/// counts (<see cref="DeliveryTally"/>).
/// </summary>
public sealed class CrashDrill(NodePair pair, DrillPlan plan)
{
    private readonly ConcurrentBag<int> _accepted = [];
    private readonly ConcurrentBag<int> _cut = [];
    private readonly ConcurrentQueue<string> _refusals = new();
    private readonly ConcurrentQueue<string> _log = new();
    private readonly Stopwatch _clock = new();
    private int _next;
    private volatile int _received;
    private volatile int _killsMade;
    private volatile bool _killerWaiting;

    public async Task<DrillResult> RunAsync(string run)
    {
        _clock.Start();
        var baseline = await DeliveryTally.InboxCountAsync(pair);
        using var stop = new CancellationTokenSource();
        var progress = FollowProgressAsync(baseline, stop.Token);
        using var client = new HttpClient { BaseAddress = pair.Sender.Endpoint, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", pair.SupervisorToken);
        try
        {
            var posting = Task.WhenAll(Enumerable.Range(0, plan.Concurrency).Select(_ => PostAsync(client, run)));
            var killing = KillAsync();
            await Task.WhenAll(posting, killing);
            Note($"burst posted: {_accepted.Count} accepted, {_cut.Count} cut; waiting for the outbox to drain");
            await UntilAsync(async () => await DeliveryTally.PendingAsync(pair) == 0, "the sender's outbox to drain");
            Note("drained");
        }
        finally
        {
            await stop.CancelAsync();
            await progress;
        }
        var tally = await DeliveryTally.CountAsync(pair, run, [.. _accepted], [.. _cut], plan.Messages);
        var ledgers = new List<string>();
        foreach (var node in new[] { pair.Sender, pair.Receiver })
        {
            // Killed mid-append as often as mid-delivery: each ledger must still verify from its first entry.
            try
            {
                await pair.Cli.RunAsync("audit", "verify", "--dir", node.Directory);
            }
            catch (InvalidOperationException e)
            {
                ledgers.Add($"{node.NodeId}'s ledger does not verify after the kills: {e.Message}");
            }
        }
        tally = tally with { Violations = [.. tally.Violations, .. ledgers] };
        _clock.Stop();
        return new DrillResult(tally, plan.Kills.Count(k => k == KillSide.Receiver), plan.Kills.Count(k => k == KillSide.Sender), _clock.Elapsed,
            [.. _log], [.. _refusals]);
    }

    /// <summary>One posting worker: takes the next number, waits for the window and for the sender to be up, posts.</summary>
    private async Task PostAsync(HttpClient client, string run)
    {
        while (true)
        {
            var n = Interlocked.Increment(ref _next) - 1;
            if (n >= plan.Messages)
            {
                return;
            }
            await UntilAsync(() => Task.FromResult(MayPost(n) && pair.Sender.IsUp), $"room to post #{n}");
            try
            {
                using var response = await client.PostAsJsonAsync($"/api/cases/{NodePair.Case}/messages",
                    new { peer = pair.Receiver.NodeId, text = DeliveryTally.Text(run, n), recordIds = Array.Empty<string>(), purpose = NodePair.Purpose });
                if (response.IsSuccessStatusCode)
                {
                    _accepted.Add(n);
                }
                else if ((int)response.StatusCode >= 500)
                {
                    _cut.Add(n);
                }
                else
                {
                    _refusals.Enqueue($"#{n}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // The sender died under the request: the message committed or it did not; the tally finds out which.
                _cut.Add(n);
            }
        }
    }

    /// <summary>
    /// Past the next kill's point only by the overlap, and only once the killer is waiting for it: while
    /// a killed node is still starting, the burst stops at the point, so the kill that follows still
    /// finds messages being posted and delivered.
    /// </summary>
    private bool MayPost(int n) => _killsMade >= plan.Kills.Count || n < plan.Threshold(_killsMade) + (_killerWaiting ? plan.Overlap : 0);

    /// <summary>
    /// Kill k fires at its point of the burst (received, for a receiver kill; answered, for a sender
    /// kill — a cut POST counts as both, since it may never arrive), after a small random delay; then
    /// the node is started again on the same folder and port.
    /// </summary>
    private async Task KillAsync()
    {
        var random = new Random(plan.Seed);
        for (var k = 0; k < plan.Kills.Count; k++)
        {
            var threshold = plan.Threshold(k);
            var side = plan.Kills[k];
            _killerWaiting = true;
            await UntilAsync(() => Task.FromResult((side == KillSide.Receiver ? _received : _accepted.Count) + _cut.Count >= threshold),
                $"{threshold} messages {(side == KillSide.Receiver ? "received" : "answered")} before kill {k + 1}");
            // Anywhere in the life of the POSTs and envelopes in flight: parsing, policy, transaction, journal, send, receipt.
            await Task.Delay(random.Next(0, 250));
            var node = side == KillSide.Receiver ? pair.Receiver : pair.Sender;
            _killerWaiting = false;
            await node.KillAsync();
            Note($"kill {k + 1}: {side.ToString().ToLowerInvariant()} {node.NodeId} (received {_received}, accepted {_accepted.Count}, cut {_cut.Count})");
            _killsMade = k + 1;
            await node.StartAsync(plan.Patience);
            Note($"  {node.NodeId} up again");
        }
    }

    private async Task FollowProgressAsync(int baseline, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            _received = await DeliveryTally.InboxCountAsync(pair) - baseline;
            try
            {
                await Task.Delay(10, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Waits for <paramref name="condition"/>; fails the drill if, with both nodes up, the burst makes no progress for <see cref="DrillPlan.Patience"/>.</summary>
    private async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var lastProgress = _received;
        var since = Stopwatch.StartNew();
        while (!await condition())
        {
            // A node starting again is not a stall: patience counts only while both are up.
            if (_received != lastProgress || !pair.Sender.IsUp || !pair.Receiver.IsUp)
            {
                lastProgress = _received;
                since.Restart();
            }
            else if (since.Elapsed > plan.Patience)
            {
                throw new TimeoutException($"waited {plan.Patience} for {what} without progress; {string.Join(" | ", _log)}\n"
                    + $"sender log: {pair.Sender.LogTail}\nreceiver log: {pair.Receiver.LogTail}");
            }
            await Task.Delay(10);
        }
    }

    private void Note(string line) => _log.Enqueue($"{_clock.Elapsed.TotalSeconds,7:F1}s {line}");
}
