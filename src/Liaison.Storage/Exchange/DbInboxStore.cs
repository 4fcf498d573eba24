using Liaison.Exchange.Delivery;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.Exchange;

/// <summary>
/// The inbox in the node's database: the duplicate filter and replay cache of reliable delivery.
/// <see cref="RecordOnceAsync"/> inserts the (sender, message id) row first, then runs the effect on
/// the same <see cref="LiaisonDb"/>, then commits: a concurrent delivery of the same message (another
/// replica, a retry racing the first attempt) blocks on the primary key and then fails it, so the
/// effect runs once; an effect that throws rolls back the row with it, so a retry runs it again.
/// </summary>
public sealed class DbInboxStore(LiaisonDb db) : IInboxStore
{
    private DbSet<InboxRow> Rows => db.Set<InboxRow>();

    public Task<bool> HasSeenAsync(string sender, string messageId, CancellationToken cancellationToken = default) =>
        Rows.AsNoTracking().AnyAsync(r => r.Sender == sender && r.MessageId == messageId, cancellationToken);

    public async Task<InboxEntry?> FindAsync(string sender, string messageId, CancellationToken cancellationToken = default) =>
        (await Rows.AsNoTracking().FirstOrDefaultAsync(r => r.Sender == sender && r.MessageId == messageId, cancellationToken))?.ToEntry();

    public async Task<InboxOutcome> RecordOnceAsync(InboxEntry entry, Func<CancellationToken, Task> effect, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(effect);
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("the inbox must own the transaction of a message's effect; the context already has one open");
        }
        // Held open for the context's life: a batch records each of its messages in its own transaction,
        // and reopening (with SQLite's per-connection pragmas) for each one costs more than the insert.
        if (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
        }
        await using (var tx = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Plain INSERT … ON CONFLICT DO NOTHING rather than the change tracker: this runs for every
            // message received. On PostgreSQL a concurrent insert of the same key waits for the other
            // transaction and then inserts nothing; SQLite has one writer at a time anyway.
            var inserted = await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO exchange_inbox (sender, message_id, type, message_hash, received_at, expires) VALUES ({0}, {1}, {2}, {3}, {4}, {5}) "
                + "ON CONFLICT DO NOTHING",
                [entry.Sender, entry.MessageId, entry.Type, entry.MessageHash, Stored(entry.ReceivedAt), Stored(entry.Expires)], cancellationToken);
            if (inserted == 0)
            {
                await tx.RollbackAsync(CancellationToken.None);
                return await FindAsync(entry.Sender, entry.MessageId, cancellationToken) is { } existing
                    ? new InboxOutcome(true, existing)
                    : throw new InvalidOperationException($"inbox row for {entry.MessageId} from {entry.Sender} could not be written");
            }
            try
            {
                await effect(cancellationToken);
                if (db.ChangeTracker.HasChanges())
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                await tx.CommitAsync(cancellationToken);
            }
            catch
            {
                await tx.RollbackAsync(CancellationToken.None);
                // Nothing of a failed effect may be saved later by whoever uses this context next.
                db.ChangeTracker.Clear();
                throw;
            }
        }
        return new InboxOutcome(false, entry);
    }

    /// <summary>A time as the provider stores it: SQLite columns hold the model's binary form (raw SQL bypasses value converters).</summary>
    private object Stored(DateTimeOffset value) =>
        db.Provider == StorageProvider.Sqlite ? BinaryTime.ConvertToProvider(value.ToUniversalTime())! : value.ToUniversalTime();

    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter BinaryTime = new();

    public Task<int> PurgeExpiredAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        before = before.ToUniversalTime();
        return Rows.Where(r => r.Expires < before).ExecuteDeleteAsync(cancellationToken);
    }
}
