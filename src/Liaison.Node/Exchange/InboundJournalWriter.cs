using System.Threading.Channels;
using Liaison.Node.Audit;
using Liaison.Storage;
using Liaison.Storage.Exchange;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Exchange;

/// <summary>
/// Journals the entries handlers owe (<see cref="InboundJournal"/>) once the inbox transaction that
/// wrote them has committed: the receiving endpoint signals after <c>ReceiveAsync</c> returns (every
/// message of the envelope committed or rolled back by then, so a pass never looks too early), and a
/// pass runs at start for whatever a crash between commit and journal left, and every
/// <see cref="Sweep"/> for rows whose pass died. Each row is claimed (a lease, so two replicas do not
/// journal it twice), journalled, then deleted: a crash between the ledger append and the delete
/// journals that one entry a second time after the lease — at least once, never lost.
/// </summary>
public sealed partial class InboundJournalWriter(IServiceScopeFactory scopes, TimeProvider clock, ILogger<InboundJournalWriter> log) : BackgroundService
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Sweep = TimeSpan.FromMinutes(1);
    private const int BatchSize = 256;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Asks for a pass; call only after the transaction that owed the entries has committed.</summary>
    public void Committed() => _wake.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        Committed();
        using var sweep = new PeriodicTimer(Sweep, clock);
        var ticks = Task.Run(async () =>
        {
            while (await sweep.WaitForNextTickAsync(stoppingToken))
            {
                Committed();
            }
        }, stoppingToken);
        await foreach (var _ in _wake.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                while (await JournalOwedAsync(stoppingToken) == BatchSize)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                PassFailed(log, e);
            }
        }
        await ticks;
    }

    /// <summary>One pass over owed entries; returns how many it journalled.</summary>
    public async Task<int> JournalOwedAsync(CancellationToken ct)
    {
        await _one.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LiaisonDb>();
            var journal = scope.ServiceProvider.GetRequiredService<AuditJournal>();
            var now = clock.GetUtcNow().ToUniversalTime();
            var due = await db.Set<InboundJournalRow>().AsNoTracking().Where(r => r.ClaimedUntil == null || r.ClaimedUntil < now)
                .OrderBy(r => r.Id).Take(BatchSize).ToListAsync(ct);
            var done = 0;
            foreach (var row in due)
            {
                var until = now + Lease;
                var claimed = await db.Set<InboundJournalRow>().Where(r => r.Id == row.Id && (r.ClaimedUntil == null || r.ClaimedUntil < now))
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.ClaimedUntil, until), ct);
                if (claimed == 0)
                {
                    continue; // Another replica's pass has it.
                }
                await journal.RecordAsync(row.Actor ?? "peer:" + row.Sender, row.Action, row.Decision, row.CaseId, null, null, row.Detail, ct);
                await db.Set<InboundJournalRow>().Where(r => r.Id == row.Id).ExecuteDeleteAsync(ct);
                done++;
            }
            return done;
        }
        finally
        {
            _one.Release();
        }
    }

    public override void Dispose()
    {
        _one.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "journalling received messages failed; the rows stay and the next pass retries")]
    private static partial void PassFailed(ILogger logger, Exception exception);
}
