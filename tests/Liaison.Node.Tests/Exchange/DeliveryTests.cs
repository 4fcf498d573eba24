using Liaison.Exchange.Delivery;
using Liaison.Node.Exchange;
using Liaison.Storage.Exchange;
using Liaison.Storage.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Node.Tests.Exchange;

/// <summary>Reliable delivery between two nodes over real HTTP on 127.0.0.1, on either database.</summary>
[Collection(ExchangeCollection.Name)]
public sealed class DeliveryTests
{
    public static TheoryData<string> Providers() => TestNode.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_burst_reaches_a_flaky_peer_exactly_once_with_a_signed_receipt_for_each(string provider)
    {
        await using var gb = await ExchangeNode.CreateAsync("gb-nca", "GB", provider);
        await using var nl = await ExchangeNode.CreateAsync("nl-politie", "NL", provider);
        await gb.TrustAsync(nl);
        await nl.TrustAsync(gb);
        var front = new FlakyFront(seed: 7, refuse: 0.2, loseReceipt: 0.2);
        await nl.StartReplicaAsync(s => s.AddInboundMessageHandler<TestMessages>(), front.Install);
        var sent = await gb.EnqueueAsync("nl-politie", 120);

        // Envelopes of 8, so the burst is enough requests for the seeded front to refuse some and lose
        // some receipts whatever the timing (two envelopes of 64 and 56 may meet neither).
        await gb.StartReplicaAsync(s => s.Configure<RetryPolicy>(p => p.MaxBatchMessages = 8));
        await gb.DrainAsync(TimeSpan.FromSeconds(60));

        await using var db = nl.Db();
        var applied = await TestMessages.AppliedAsync(db);
        Assert.Equal(sent.Order(StringComparer.Ordinal), applied.Order(StringComparer.Ordinal));
        var outbox = await gb.OutboxAsync();
        Assert.All(outbox, r => Assert.Equal(OutboxState.Delivered, r.State));
        await using (var gbDb = gb.Db())
        {
            Assert.All(await new DbOutboxStore(gbDb).ListAsync(), m => Assert.StartsWith("eyJ", m.Receipt, StringComparison.Ordinal));
            // One stored receipt per envelope, however many rows it acknowledges.
            Assert.Equal(outbox.Select(r => r.ReceiptId).Distinct().Count(), await gbDb.Set<ReceiptRow>().CountAsync());
            Assert.True(await gbDb.Set<ReceiptRow>().CountAsync() < outbox.Count);
        }
        Assert.True(front.Refused > 0 && front.ReceiptsLost > 0, $"the front refused {front.Refused} and lost {front.ReceiptsLost} receipts");
    }

    /// <summary>On PostgreSQL the replicas claim with FOR UPDATE SKIP LOCKED; on SQLite (one file, one writer) with BEGIN IMMEDIATE.</summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Two_replicas_of_one_node_on_one_database_deliver_a_shared_outbox_exactly_once(string provider)
    {
        await using var hub = await ExchangeNode.CreateAsync("eu-hub", "NL", provider);
        await using var peer = await ExchangeNode.CreateAsync("gb-nca", "GB", provider);
        await hub.TrustAsync(peer);
        await peer.TrustAsync(hub);
        var front = new FlakyFront(seed: 11, refuse: 0.15, loseReceipt: 0.15);
        await peer.StartReplicaAsync(s => s.AddInboundMessageHandler<TestMessages>(), front.Install);
        var sent = await hub.EnqueueAsync("gb-nca", 300);

        await hub.StartReplicaAsync();
        await hub.StartReplicaAsync();
        await hub.DrainAsync(TimeSpan.FromSeconds(90));

        await using var db = peer.Db();
        var applied = await TestMessages.AppliedAsync(db);
        Assert.Equal(sent.Count, applied.Count);
        Assert.Equal(sent.Order(StringComparer.Ordinal), applied.Order(StringComparer.Ordinal));
        Assert.All(await hub.OutboxAsync(), r => Assert.Equal(OutboxState.Delivered, r.State));
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ExchangeCollection
{
    public const string Name = "exchange over loopback";
}
