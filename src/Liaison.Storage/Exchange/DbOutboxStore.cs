using System.Security.Cryptography;
using System.Text;
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

    public Task MarkDeliveredAsync(string id, int attempts, DateTimeOffset deliveredAt, string receipt, CancellationToken cancellationToken = default) =>
        MarkDeliveredAsync([(id, attempts)], deliveredAt, receipt, cancellationToken);

    /// <summary>Every message one receipt lists, in one transaction; the receipt itself is stored once.</summary>
    public async Task MarkDeliveredAsync(IReadOnlyList<(string Id, int Attempts)> messages, DateTimeOffset deliveredAt, string receipt,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(receipt);
        deliveredAt = deliveredAt.ToUniversalTime();
        var receiptId = Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(receipt)));
        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        // The same receipt twice (a duplicate's answer, a second replica's) is kept once.
        await db.Database.ExecuteSqlRawAsync("INSERT INTO exchange_receipts (id, receipt, stored_at) VALUES ({0}, {1}, {2}) ON CONFLICT DO NOTHING",
            [receiptId, receipt, Stored(deliveredAt)], cancellationToken);
        // Rows of one envelope were claimed together and mostly share their attempt count: one statement per count.
        // Idempotent: a second receipt for a delivered row (a duplicate's) changes nothing.
        foreach (var group in messages.GroupBy(m => m.Attempts))
        {
            var ids = group.Select(m => m.Id).ToList();
            var attempts = group.Key;
            await Rows.Where(r => ids.Contains(r.Id) && r.State != OutboxState.Delivered).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.State, OutboxState.Delivered)
                .SetProperty(r => r.Attempts, attempts)
                .SetProperty(r => r.DeliveredAt, deliveredAt)
                .SetProperty(r => r.ReceiptId, receiptId)
                .SetProperty(r => r.LastError, (string?)null), cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>A time as the provider stores it: SQLite columns hold the model's binary form (raw SQL bypasses value converters).</summary>
    private object Stored(DateTimeOffset value) =>
        db.Provider == StorageProvider.Sqlite ? BinaryTime.ConvertToProvider(value)! : value;

    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter BinaryTime = new();

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
        (await WithReceiptsAsync(await Rows.AsNoTracking().Where(r => r.Id == id).ToListAsync(cancellationToken), cancellationToken)).FirstOrDefault();

    public async Task<IReadOnlyList<OutboxMessage>> ListAsync(OutboxState? state = null, CancellationToken cancellationToken = default)
    {
        var query = Rows.AsNoTracking();
        if (state is { } s)
        {
            query = query.Where(r => r.State == s);
        }
        var rows = await query.ToListAsync(cancellationToken);
        return await WithReceiptsAsync(rows.OrderBy(r => r.CreatedAt).ToList(), cancellationToken);
    }

    /// <summary>The rows as messages with their receipts, each receipt read once.</summary>
    private async Task<IReadOnlyList<OutboxMessage>> WithReceiptsAsync(List<OutboxRow> rows, CancellationToken ct)
    {
        var ids = rows.Where(r => r.ReceiptId is not null).Select(r => r.ReceiptId!).Distinct().ToList();
        var receipts = ids.Count == 0
            ? []
            : await db.Set<ReceiptRow>().AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Receipt, ct);
        return rows.Select(r => r.ToMessage(r.ReceiptId is { } id ? receipts.GetValueOrDefault(id) : null)).ToList();
    }
}
