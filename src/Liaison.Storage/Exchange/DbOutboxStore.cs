using Liaison.Exchange.Delivery;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.Exchange;

/// <summary>
/// The outbox in the node's database. <see cref="AddAsync"/> saves on the caller's
/// <see cref="LiaisonDb"/>, so it commits with whatever transaction that context has open — the
/// business change the message announces. The claim hands each due row to one worker across every
/// replica: on PostgreSQL with <c>FOR UPDATE SKIP LOCKED</c> (replicas skip each other's rows instead
/// of queueing behind them); on SQLite, which has one writer at a time, inside a
/// <c>BEGIN IMMEDIATE</c> transaction, which takes the write lock before reading what is due.
/// </summary>
public sealed class DbOutboxStore(LiaisonDb db) : IOutboxStore
{
    private DbSet<OutboxRow> Rows => db.Set<OutboxRow>();

    public async Task AddAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        Rows.Add(OutboxRow.From(message));
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        now = now.ToUniversalTime();
        var leaseEnd = now + lease;
        if (db.Provider == StorageProvider.Postgres)
        {
            var claimed = await Rows.FromSqlInterpolated($"""
                UPDATE exchange_outbox SET next_attempt_at = {leaseEnd}
                WHERE id IN (SELECT id FROM exchange_outbox
                             WHERE state = 'pending' AND next_attempt_at <= {now}
                             ORDER BY next_attempt_at LIMIT {max}
                             FOR UPDATE SKIP LOCKED)
                RETURNING *
                """).AsNoTracking().ToListAsync(cancellationToken);
            return claimed.OrderBy(r => r.CreatedAt).Select(r => r.ToMessage()).ToList();
        }
        // Microsoft.Data.Sqlite begins IMMEDIATE (not deferred) transactions: the write lock is held
        // from the select to the commit, so two processes on one file never claim the same row.
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await Rows.AsNoTracking().Where(r => r.State == OutboxState.Pending && r.NextAttemptAt <= now)
            .OrderBy(r => r.NextAttemptAt).Take(max).ToListAsync(cancellationToken);
        if (due.Count > 0)
        {
            var ids = due.Select(r => r.Id).ToList();
            await Rows.Where(r => ids.Contains(r.Id)).ExecuteUpdateAsync(s => s.SetProperty(r => r.NextAttemptAt, leaseEnd), cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
        return due.Select(r => { r.NextAttemptAt = leaseEnd; return r.ToMessage(); }).ToList();
    }

    public Task MarkDeliveredAsync(string id, int attempts, DateTimeOffset deliveredAt, string receipt, CancellationToken cancellationToken = default)
    {
        deliveredAt = deliveredAt.ToUniversalTime();
        // Idempotent: a second receipt for a delivered row (a duplicate's) changes nothing.
        return Rows.Where(r => r.Id == id && r.State != OutboxState.Delivered).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.State, OutboxState.Delivered)
            .SetProperty(r => r.Attempts, attempts)
            .SetProperty(r => r.DeliveredAt, deliveredAt)
            .SetProperty(r => r.Receipt, receipt)
            .SetProperty(r => r.LastError, (string?)null), cancellationToken);
    }

    public Task ScheduleRetryAsync(string id, int attempts, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken = default)
    {
        nextAttemptAt = nextAttemptAt.ToUniversalTime();
        return Rows.Where(r => r.Id == id && r.State == OutboxState.Pending).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Attempts, attempts)
            .SetProperty(r => r.NextAttemptAt, nextAttemptAt)
            .SetProperty(r => r.LastError, error), cancellationToken);
    }

    public Task MarkDeadAsync(string id, int attempts, string error, CancellationToken cancellationToken = default) =>
        Rows.Where(r => r.Id == id && r.State == OutboxState.Pending).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.State, OutboxState.Dead)
            .SetProperty(r => r.Attempts, attempts)
            .SetProperty(r => r.LastError, error), cancellationToken);

    public async Task<bool> RetryDeadAsync(string id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        now = now.ToUniversalTime();
        var changed = await Rows.Where(r => r.Id == id && r.State == OutboxState.Dead).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.State, OutboxState.Pending)
            .SetProperty(r => r.Attempts, 0)
            .SetProperty(r => r.NextAttemptAt, now), cancellationToken);
        return changed > 0;
    }

    public async Task<OutboxMessage?> FindAsync(string id, CancellationToken cancellationToken = default) =>
        (await Rows.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken))?.ToMessage();

    public async Task<IReadOnlyList<OutboxMessage>> ListAsync(OutboxState? state = null, CancellationToken cancellationToken = default)
    {
        var query = Rows.AsNoTracking();
        if (state is { } s)
        {
            query = query.Where(r => r.State == s);
        }
        var rows = await query.ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.CreatedAt).Select(r => r.ToMessage()).ToList();
    }
}
