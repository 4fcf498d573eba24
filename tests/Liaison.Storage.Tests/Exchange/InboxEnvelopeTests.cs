using Liaison.Exchange.Delivery;
using Liaison.Storage.Exchange;
using Liaison.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.Tests.Exchange;

/// <summary>
/// The inbox records an envelope's messages in one transaction with a savepoint per message: each
/// message is still all-or-nothing, and nothing is durable before the envelope commits.
/// </summary>
public sealed class InboxEnvelopeTests
{
    public static TheoryData<string> Providers() => TestNode.Providers();

    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private static InboxEntry Entry(string id) => new("gb-nca", id, "test", "hash-" + id, Now, Now.AddDays(2));

    private static Func<CancellationToken, Task> AddCase(LiaisonDb db, string id) => _ =>
    {
        db.Cases.Add(new CaseRow { Id = id, Title = "t", CreatedAt = Now, CreatedBy = "peer" });
        return Task.CompletedTask;
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_failed_effect_in_an_envelope_loses_only_its_own_message_and_the_rest_commit_together(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        await using var db = node.Db();
        var inbox = new DbInboxStore(db);

        await using (var unit = await inbox.BeginEnvelopeAsync())
        {
            await inbox.RecordOnceAsync(Entry("m-1"), AddCase(db, "FROM-M1"));
            await Assert.ThrowsAsync<InvalidOperationException>(() => inbox.RecordOnceAsync(Entry("m-2"), async ct =>
            {
                await AddCase(db, "FROM-M2")(ct);
                await db.SaveChangesAsync(ct);
                throw new InvalidOperationException("effect failed after saving");
            }));
            var again = await inbox.RecordOnceAsync(Entry("m-1"), AddCase(db, "FROM-M1-AGAIN"));
            await inbox.RecordOnceAsync(Entry("m-3"), AddCase(db, "FROM-M3"));
            Assert.True(again.Duplicate);
            await using (var outside = node.Db())
            {
                if (provider == "postgres")
                {
                    // Not durable, and not visible to anyone else, before the envelope commits.
                    Assert.False(await outside.Set<InboxRow>().AnyAsync());
                }
            }
            await unit.CompleteAsync(CancellationToken.None);
        }

        await using var check = node.Db();
        Assert.Equal(["m-1", "m-3"], await check.Set<InboxRow>().OrderBy(r => r.MessageId).Select(r => r.MessageId).ToListAsync());
        Assert.Equal(["FROM-M1", "FROM-M3"], await check.Cases.Where(c => c.Id.StartsWith("FROM-")).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync());
        // The failed message can be delivered again and now takes effect, outside any envelope too.
        Assert.False((await inbox.RecordOnceAsync(Entry("m-2"), AddCase(db, "FROM-M2"))).Duplicate);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_envelope_not_completed_records_nothing(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        await using var db = node.Db();
        var inbox = new DbInboxStore(db);

        await using (await inbox.BeginEnvelopeAsync())
        {
            await inbox.RecordOnceAsync(Entry("m-1"), AddCase(db, "FROM-M1"));
            await inbox.RecordOnceAsync(Entry("m-2"), AddCase(db, "FROM-M2"));
        }

        await using var check = node.Db();
        Assert.False(await check.Set<InboxRow>().AnyAsync());
        Assert.False(await check.Cases.AnyAsync(c => c.Id.StartsWith("FROM-")));
        Assert.False(db.ChangeTracker.HasChanges());
    }
}
