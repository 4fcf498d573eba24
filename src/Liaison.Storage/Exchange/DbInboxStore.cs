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
        await using (var tx = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            Rows.Add(InboxRow.From(entry));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                await tx.RollbackAsync(CancellationToken.None);
                db.ChangeTracker.Clear();
                return await FindAsync(entry.Sender, entry.MessageId, cancellationToken) is { } existing
                    ? new InboxOutcome(true, existing)
                    : throw new InvalidOperationException($"inbox row for {entry.MessageId} from {entry.Sender} could not be written");
            }
            try
            {
                await effect(cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
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

    public Task<int> PurgeExpiredAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        before = before.ToUniversalTime();
        return Rows.Where(r => r.Expires < before).ExecuteDeleteAsync(cancellationToken);
    }
}
