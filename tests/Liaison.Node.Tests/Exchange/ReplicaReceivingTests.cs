using Liaison.Exchange.Delivery;
using Liaison.Exchange.Identity;
using Liaison.Ledger.Entries;
using Liaison.Ledger.Verification;
using Liaison.Node.Exchange;
using Liaison.Node.Federation;
using Liaison.Storage.Ledger;
using Liaison.Storage.Tests;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Node.Tests.Exchange;

/// <summary>
/// The scale-out path on the receiving side: every replica of a node behind a load balancer receives
/// envelopes and journals each one, and the node's ledger stays one verifiable log.
/// </summary>
[Collection(ExchangeCollection.Name)]
public sealed class ReplicaReceivingTests
{
    public static TheoryData<string> Providers() => TestNode.Providers();

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Two_replicas_receiving_at_once_apply_each_message_once_and_journal_one_ledger_that_verifies(string provider)
    {
        await using var hub = await ExchangeNode.CreateAsync("eu-hub", "NL", provider);
        await using var gb = await ExchangeNode.CreateAsync("gb-nca", "GB", provider);
        await using var be = await ExchangeNode.CreateAsync("be-fedpol", "BE", provider);
        foreach (var sender in new[] { gb, be })
        {
            await hub.TrustAsync(sender);
            await sender.TrustAsync(hub);
        }
        var perReplica = new int[2];
        var replicas = new List<Uri>();
        for (var r = 0; r < 2; r++)
        {
            var n = r;
            var app = await hub.StartReplicaAsync(s => s.AddInboundMessageHandler<TestMessages>(), a => a.Use(async (context, next) =>
            {
                Interlocked.Increment(ref perReplica[n]);
                await next(context);
            }));
            replicas.Add(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
        }
        var sent = new List<string>();
        foreach (var sender in new[] { gb, be })
        {
            sent.AddRange(await sender.EnqueueAsync("eu-hub", 90));
        }

        // Small envelopes, many in flight, spread over both replicas as a load balancer would.
        foreach (var sender in new[] { gb, be })
        {
            await sender.StartReplicaAsync(s =>
            {
                s.Configure<RetryPolicy>(p => p.MaxBatchMessages = 3);
                s.AddSingleton(sp => NodeFederation.Open(sender.Config, TimeProvider.System, new KeyPassphrase(ExchangeNode.Passphrase),
                    handler: new RoundRobin(replicas)));
            });
        }
        await Task.WhenAll(gb.DrainAsync(TimeSpan.FromSeconds(90)), be.DrainAsync(TimeSpan.FromSeconds(90)));
        await hub.StopReplicasAsync();

        Assert.All(perReplica, count => Assert.True(count > 10, $"each replica received: {string.Join(", ", perReplica)}"));
        await using (var db = hub.Db())
        {
            Assert.Equal(sent.Order(StringComparer.Ordinal), (await TestMessages.AppliedAsync(db)).Order(StringComparer.Ordinal));
        }
        var store = new DbLedgerStore(hub.Config);
        var report = await LedgerVerifier.VerifyAsync(store, NodeLedger.ReadVerifierKey(hub.Config), [], CancellationToken.None);
        Assert.Null(report.Fault);
        Assert.True(report.CheckpointsChecked > 0);
        var accepted = new List<string>();
        await foreach (var entry in store.ReadRangeAsync(0, long.MaxValue, CancellationToken.None))
        {
            var e = entry.Decode();
            if (e.Type == LedgerEventType.Receipt && e.Detail.TryGetValue("messages", out var messages))
            {
                accepted.AddRange(messages.Split(',').Where(m => m.EndsWith(":" + ReceivedStatus.Accepted, StringComparison.Ordinal)).Select(m => m.Split(':')[0]));
            }
        }
        Assert.Equal(sent.Order(StringComparer.Ordinal), accepted.Order(StringComparer.Ordinal));
    }

    /// <summary>A load balancer in front of the replicas: each request goes to the next one.</summary>
    private sealed class RoundRobin(IReadOnlyList<Uri> replicas) : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _next;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var target = replicas[(int)((uint)Interlocked.Increment(ref _next) % (uint)replicas.Count)];
            request.RequestUri = new UriBuilder(request.RequestUri!) { Host = target.Host, Port = target.Port }.Uri;
            return base.SendAsync(request, cancellationToken);
        }
    }
}
