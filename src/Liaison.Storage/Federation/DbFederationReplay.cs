using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.Federation;

/// <summary>
/// The replay filter of hit/no-hit and linkage messages in the node's database (<c>federation_replay</c>).
/// Unlike the inbox, these messages have no durable effect to commit with the id: the answer is computed
/// and returned in the same HTTP exchange, so the id is remembered first and a crash merely costs the
/// sender a retry with a fresh message.
/// </summary>
public sealed class DbFederationReplay(LiaisonDb db)
{
    private DbSet<FederationReplayRow> Rows => db.Set<FederationReplayRow>();

    public Task<bool> HasSeenAsync(string sender, string messageId, DateTimeOffset now, CancellationToken ct = default)
    {
        now = now.ToUniversalTime();
        return Rows.AsNoTracking().AnyAsync(r => r.Sender == sender && r.MessageId == messageId && r.ForgetAt > now, ct);
    }

    /// <summary>Remembers (sender, message id) until <paramref name="forgetAt"/>; false if it was already remembered.</summary>
    public async Task<bool> TryRememberAsync(string sender, string messageId, DateTimeOffset forgetAt, CancellationToken ct = default)
    {
        // INSERT … ON CONFLICT DO NOTHING: two replicas receiving the same captured message race on the
        // primary key, and exactly one of them inserts (PostgreSQL waits for the other transaction).
        var inserted = await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO federation_replay (sender, message_id, forget_at) VALUES ({0}, {1}, {2}) ON CONFLICT DO NOTHING",
            [sender, messageId, Stored(forgetAt)], ct);
        return inserted == 1;
    }

    /// <summary>Forgets the ids whose messages the expiry check refuses by now; returns how many.</summary>
    public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken ct = default)
    {
        now = now.ToUniversalTime();
        return Rows.Where(r => r.ForgetAt <= now).ExecuteDeleteAsync(ct);
    }

    public Task<int> CountAsync(CancellationToken ct = default) => Rows.CountAsync(ct);

    /// <summary>A time as the provider stores it: SQLite columns hold the model's binary form (raw SQL bypasses value converters).</summary>
    private object Stored(DateTimeOffset value) =>
        db.Provider == StorageProvider.Sqlite ? BinaryTime.ConvertToProvider(value.ToUniversalTime())! : value.ToUniversalTime();

    private static readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter BinaryTime = new();
}
