using System.Data.Common;
using Liaison.Exchange.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Liaison.Storage.Exchange;

/// <summary>
/// The inbox in the node's database: the duplicate filter and replay cache of reliable delivery.
/// <see cref="RecordOnceAsync"/> inserts the (sender, message id) row first, then runs the effect on
/// the same <see cref="LiaisonDb"/>, then commits: a concurrent delivery of the same message (another
/// replica, a retry racing the first attempt) blocks on the primary key and then fails it, so the
/// effect runs once; an effect that throws rolls back the row with it, so a retry runs it again.
/// Inside an envelope unit (<see cref="BeginEnvelopeAsync"/>) the same holds per message through a
/// savepoint, and the envelope commits once.
/// </summary>
public sealed class DbInboxStore(LiaisonDb db) : IInboxStore
{
    private EnvelopeUnit? _envelope;

    private LiaisonDb Db => db;

    private DbSet<InboxRow> Rows => db.Set<InboxRow>();

    public Task<bool> HasSeenAsync(string sender, string messageId, CancellationToken cancellationToken = default) =>
        Rows.AsNoTracking().AnyAsync(r => r.Sender == sender && r.MessageId == messageId, cancellationToken);

    public async Task<InboxEntry?> FindAsync(string sender, string messageId, CancellationToken cancellationToken = default) =>
        (await Rows.AsNoTracking().FirstOrDefaultAsync(r => r.Sender == sender && r.MessageId == messageId, cancellationToken))?.ToEntry();

    public async Task<IInboxEnvelope> BeginEnvelopeAsync(CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("the inbox must own the transaction of an envelope's effects; the context already has one open");
        }
        await OpenAsync(cancellationToken);
        var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        // Each message has its own savepoint already; EF's automatic one around every SaveChanges would
        // be a second, useless round trip per handler save.
        db.Database.AutoSavepointsEnabled = false;
        _envelope = new EnvelopeUnit(this, tx);
        return _envelope;
    }

    public async Task<InboxOutcome> RecordOnceAsync(InboxEntry entry, Func<CancellationToken, Task> effect, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(effect);
        if (_envelope is { } unit)
        {
            return await unit.RecordAsync(entry, effect, cancellationToken);
        }
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("the inbox must own the transaction of a message's effect; the context already has one open");
        }
        await OpenAsync(cancellationToken);
        await using (var tx = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var inserted = await InsertAsync(entry, "", cancellationToken);
            if (inserted == 0)
            {
                await tx.RollbackAsync(CancellationToken.None);
                return await DuplicateOfAsync(entry, cancellationToken);
            }
            try
            {
                await effect(cancellationToken);
                await SaveEffectAsync(cancellationToken);
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

    // Held open for the context's life: a batch records each of its messages in turn, and reopening
    // (with SQLite's per-connection pragmas) for each one costs more than the insert.
    private async Task OpenAsync(CancellationToken ct)
    {
        if (db.Database.GetDbConnection().State != System.Data.ConnectionState.Open)
        {
            await db.Database.OpenConnectionAsync(ct);
        }
    }

    /// <summary>
    /// Plain <c>INSERT … ON CONFLICT DO NOTHING</c> rather than the change tracker: this runs for every
    /// message received. On PostgreSQL a concurrent insert of the same key waits for the other
    /// transaction and then inserts nothing; SQLite has one writer at a time anyway.
    /// <paramref name="before"/> is savepoint SQL sent in the same round trip.
    /// </summary>
#pragma warning disable EF1003 // 'before' is one of the savepoint statements below, built from constants; the values are parameters.
    private async Task<int> InsertAsync(InboxEntry entry, string before, CancellationToken ct)
    {
        if (before.Length > 0 && db.Provider == StorageProvider.Sqlite)
        {
            // In process, so no round trip to save; and Microsoft.Data.Sqlite would count the savepoint
            // statements' stale change counts into the insert's.
            await db.Database.ExecuteSqlRawAsync(before, ct);
            before = "";
        }
        return await db.Database.ExecuteSqlRawAsync(
            before + "INSERT INTO exchange_inbox (sender, message_id, type, message_hash, received_at, expires) VALUES ({0}, {1}, {2}, {3}, {4}, {5}) "
            + "ON CONFLICT DO NOTHING",
            [entry.Sender, entry.MessageId, entry.Type, entry.MessageHash, Stored(entry.ReceivedAt), Stored(entry.Expires)], ct);
    }
#pragma warning restore EF1003

    private async Task SaveEffectAsync(CancellationToken ct)
    {
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(ct);
        }
    }

    private async Task<InboxOutcome> DuplicateOfAsync(InboxEntry entry, CancellationToken ct) =>
        await FindAsync(entry.Sender, entry.MessageId, ct) is { } existing
            ? new InboxOutcome(true, existing)
            : throw new InvalidOperationException($"inbox row for {entry.MessageId} from {entry.Sender} could not be written");

    /// <summary>
    /// One transaction for an envelope's messages, a savepoint per message. The savepoint of a message
    /// that went well is released together with the next message's insert (or by the commit), so a
    /// message costs its insert and its effect's saves, and the envelope one commit.
    /// </summary>
    private sealed class EnvelopeUnit(DbInboxStore store, IDbContextTransaction tx) : IInboxEnvelope
    {
        private const string Savepoint = "inbox_message";
        private bool _held;
        private bool _broken;
        private bool _completed;

        public async Task<InboxOutcome> RecordAsync(InboxEntry entry, Func<CancellationToken, Task> effect, CancellationToken ct)
        {
            if (_broken)
            {
                throw new InvalidOperationException("an earlier message of this envelope left its transaction unusable");
            }
            var before = (_held ? $"RELEASE SAVEPOINT {Savepoint}; " : "") + $"SAVEPOINT {Savepoint}; ";
            _held = false;
            try
            {
                var inserted = await store.InsertAsync(entry, before, ct);
                _held = true;
                if (inserted == 0)
                {
                    return await store.DuplicateOfAsync(entry, ct);
                }
                await effect(ct);
                await store.SaveEffectAsync(ct);
            }
            catch
            {
                await RollBackMessageAsync();
                throw;
            }
            return new InboxOutcome(false, entry);
        }

        /// <summary>
        /// This message's inbox row and effect go; the envelope's other messages stay. If even that fails
        /// (the connection broke), the envelope must not commit: a PostgreSQL transaction in error would
        /// answer the commit with a rollback, and the receipt would list messages that were never kept.
        /// </summary>
        private async Task RollBackMessageAsync()
        {
            store.Db.ChangeTracker.Clear();
            try
            {
                await store.Db.Database.ExecuteSqlRawAsync($"ROLLBACK TO SAVEPOINT {Savepoint}; RELEASE SAVEPOINT {Savepoint}", CancellationToken.None);
                _held = false;
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                _broken = true;
            }
        }

        public async Task CompleteAsync(CancellationToken cancellationToken)
        {
            if (_broken)
            {
                throw new InvalidOperationException("a message of this envelope could not be rolled back on its own; nothing of the envelope is kept");
            }
            await tx.CommitAsync(cancellationToken);
            _completed = true;
        }

        public async ValueTask DisposeAsync()
        {
            store._envelope = null;
            store.Db.Database.AutoSavepointsEnabled = true;
            await tx.DisposeAsync();
            if (!_completed)
            {
                // Rolled back: no failed effect may be saved later by whoever uses this context next.
                store.Db.ChangeTracker.Clear();
            }
        }
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
