using Liaison.Exchange.Delivery;
using Liaison.Storage.Exchange;
using Liaison.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.Tests.Exchange;

/// <summary>The database outbox and inbox keep the contracts of IOutboxStore and IInboxStore on both providers.</summary>
public sealed class ExchangeStoreTests
{
    public static TheoryData<string> Providers() => TestNode.Providers();

    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_outbox_row_added_in_a_rolled_back_transaction_does_not_exist(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        await using (var db = node.Db())
        {
            await using var tx = await db.Database.BeginTransactionAsync();
            db.Cases.Add(new CaseRow { Id = "C-1", Title = "t", CreatedAt = Now, CreatedBy = "u" });
            await db.SaveChangesAsync();
            await new DbOutboxStore(db).AddAsync(Message("m-1"));
            await tx.RollbackAsync();
        }
        await using var check = node.Db();
        Assert.Null(await new DbOutboxStore(check).FindAsync("m-1"));
        Assert.False(await check.Cases.AnyAsync(c => c.Id == "C-1"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Concurrent_claims_hand_each_due_row_to_one_worker_and_leased_rows_to_none(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        await using (var db = node.Db())
        {
            var store = new DbOutboxStore(db);
            for (var i = 0; i < 40; i++)
            {
                await store.AddAsync(Message($"m-{i:00}"));
            }
        }

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            await using var db = node.Db();
            return await new DbOutboxStore(db).ClaimDueAsync(Now, 15, TimeSpan.FromMinutes(1));
        }));
        await using var again = node.Db();
        var secondPass = await new DbOutboxStore(again).ClaimDueAsync(Now.AddSeconds(30), 100, TimeSpan.FromMinutes(1));
        var afterLease = await new DbOutboxStore(again).ClaimDueAsync(Now.AddMinutes(2), 100, TimeSpan.FromMinutes(1));

        var ids = claims.SelectMany(c => c).Select(m => m.Id).ToList();
        Assert.Equal(40, ids.Count);
        Assert.Equal(40, ids.Distinct().Count());
        Assert.Empty(secondPass);
        Assert.Equal(40, afterLease.Count);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Delivered_dead_and_retried_rows_change_state_as_the_operator_sees_them(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        await using var db = node.Db();
        var store = new DbOutboxStore(db);
        await store.AddAsync(Message("a"));
        await store.AddAsync(Message("b"));
        await store.AddAsync(Message("c"));

        await store.MarkDeliveredAsync([("a", 1), ("b", 2)], Now, "eyJreceipt");
        await store.MarkDeadAsync("c", 12, "nl-politie refused c (Unprocessable)");
        var retried = await store.RetryDeadAsync("c", Now.AddHours(1));
        var notDead = await store.RetryDeadAsync("a", Now.AddHours(1));

        var rows = (await store.ListAsync()).ToDictionary(m => m.Id);
        Assert.Equal((OutboxState.Delivered, 1, "eyJreceipt"), (rows["a"].State, rows["a"].Attempts, rows["a"].Receipt));
        Assert.Equal((OutboxState.Delivered, 2, "eyJreceipt"), (rows["b"].State, rows["b"].Attempts, rows["b"].Receipt));
        Assert.Equal(1, await db.Set<ReceiptRow>().CountAsync());
        Assert.True(retried);
        Assert.False(notDead);
        Assert.Equal((OutboxState.Pending, 0, Now.AddHours(1)), (rows["c"].State, rows["c"].Attempts, rows["c"].NextAttemptAt));
        Assert.Empty(await store.ListAsync(OutboxState.Dead));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_inbox_runs_an_effect_once_forgets_a_failed_one_and_purges_expired_ids(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        await using var db = node.Db();
        var inbox = new DbInboxStore(db);
        var entry = new InboxEntry("gb-nca", "m-1", "test", "hash-1", Now, Now.AddDays(2));
        var runs = 0;

        var failed = await Assert.ThrowsAsync<InvalidOperationException>(() => inbox.RecordOnceAsync(entry, _ =>
        {
            db.Cases.Add(new CaseRow { Id = "FROM-FAILED", Title = "t", CreatedAt = Now, CreatedBy = "peer" });
            throw new InvalidOperationException("effect failed");
        }));
        var first = await inbox.RecordOnceAsync(entry, _ =>
        {
            runs++;
            db.Cases.Add(new CaseRow { Id = "FROM-M1", Title = "t", CreatedAt = Now, CreatedBy = "peer" });
            return Task.CompletedTask;
        });
        var second = await inbox.RecordOnceAsync(entry with { ReceivedAt = Now.AddMinutes(1) }, _ => { runs++; return Task.CompletedTask; });
        var seen = await inbox.HasSeenAsync("gb-nca", "m-1");
        var purgedEarly = await inbox.PurgeExpiredAsync(Now.AddDays(1));
        var purged = await inbox.PurgeExpiredAsync(Now.AddDays(3));

        Assert.Equal("effect failed", failed.Message);
        Assert.Equal((false, true, 1), (first.Duplicate, second.Duplicate, runs));
        Assert.Equal(Now, second.Entry.ReceivedAt);
        Assert.True(seen);
        Assert.Equal((0, 1), (purgedEarly, purged));
        await using var check = node.Db();
        Assert.Equal(["FROM-M1"], await check.Cases.Where(c => c.Id.StartsWith("FROM-")).Select(c => c.Id).ToListAsync());
    }

    private static OutboxMessage Message(string id) => new()
    {
        Id = id, Recipient = "nl-politie", Type = "test", CaseReference = "C-1", SignedMessage = "eyJ." + id, MessageHash = "h-" + id,
        CreatedAt = Now, Expires = Now.AddDays(2), NextAttemptAt = Now,
    };
}
