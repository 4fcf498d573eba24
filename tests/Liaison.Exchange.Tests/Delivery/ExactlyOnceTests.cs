using System.Collections.Concurrent;
using System.Text;
using Liaison.Exchange.Delivery;
using Liaison.Exchange.Envelopes;
using Liaison.Exchange.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Liaison.Exchange.Tests.Delivery;

public sealed class ExactlyOnceTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly TestNode _gb;
    private readonly TestNode _us;
    private readonly TestNode _eu;
    private readonly ConcurrentDictionary<string, int> _effects = new();

    public ExactlyOnceTests()
    {
        _gb = TestNode.Create("gb-nca", _time);
        _us = TestNode.Create("us-fbi", _time);
        _eu = TestNode.Create("eu-hub", _time);
        TestNode.Introduce(_gb, _us, _eu).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _gb.Dispose();
        _us.Dispose();
        _eu.Dispose();
    }

    private Task CountEffect(OpenedMessage message, CancellationToken _)
    {
        _effects.AddOrUpdate($"{message.Header.Recipient}/{Encoding.UTF8.GetString(message.Payload)}", 1, (_, n) => n + 1);
        return Task.CompletedTask;
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 16)]
    [InlineData(4, 16)]
    public async Task Every_message_takes_effect_exactly_once_over_a_network_that_loses_duplicates_and_reorders(int seed, int batch)
    {
        var nodes = new Dictionary<string, TestNode> { ["us-fbi"] = _us, ["eu-hub"] = _eu };
        var transport = new LossyTransport(nodes, CountEffect, seed);
        var policy = new RetryPolicy
        {
            MaxAttempts = 100, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(30), Parallelism = 4, MaxBatchMessages = batch,
        };
        var worker = _gb.Worker(transport, policy);
        const int count = 150;
        for (var i = 0; i < count; i++)
        {
            var to = i % 2 == 0 ? "us-fbi" : "eu-hub";
            await _gb.Outbox.EnqueueAsync(new OutgoingMessage(to, "case.message", Encoding.UTF8.GetBytes($"m{i}"), "CASE-1"));
        }

        for (var round = 0; round < 400 && (await _gb.OutboxStore.ListAsync(OutboxState.Pending)).Count > 0; round++)
        {
            await worker.DeliverDueAsync();
            _time.Advance(TimeSpan.FromSeconds(5));
        }
        await transport.FlushHeldAsync();

        Assert.Empty(await _gb.OutboxStore.ListAsync(OutboxState.Pending));
        Assert.Empty(await _gb.OutboxStore.ListAsync(OutboxState.Dead));
        Assert.Equal(count, _effects.Count);
        Assert.All(_effects, e => Assert.Equal(1, e.Value));
        Assert.Equal(count, _us.Inbox.Count + _eu.Inbox.Count);
        Assert.Contains(await _gb.OutboxStore.ListAsync(OutboxState.Delivered), m => m.Attempts > 1);
    }

    [Fact]
    public async Task Duplicate_delivery_is_acknowledged_with_the_first_commit_time_and_no_second_effect()
    {
        var row = await _gb.Outbox.EnqueueAsync(new OutgoingMessage("us-fbi", "case.message", "once"u8.ToArray()));
        var envelope = await _gb.EnvelopeFor(row);
        var verifier = new ReceiptVerifier(_gb.ReceiptOpener);

        var first = await _us.Receiver.ReceiveAsync(envelope, CountEffect);
        _time.Advance(TimeSpan.FromMinutes(1));
        var second = await _us.Receiver.ReceiveAsync(await _gb.EnvelopeFor(row), CountEffect);

        Assert.False(first.Duplicate);
        Assert.True(second.Duplicate);
        Assert.Equal((await verifier.VerifyAsync(row, first.ReceiptEnvelope)).ReceivedAt, (await verifier.VerifyAsync(row, second.ReceiptEnvelope)).ReceivedAt);
        Assert.Equal(1, _effects["us-fbi/once"]);
    }

    [Fact]
    public async Task Effect_that_fails_leaves_no_inbox_entry_so_the_retry_takes_effect()
    {
        var envelope = (await _gb.SealTo(_us, "retry-me")).Compact;

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            _us.Receiver.ReceiveAsync(envelope, (_, _) => throw new InvalidOperationException("database down")));
        var retry = await _us.Receiver.ReceiveAsync(envelope, CountEffect);

        Assert.False(retry.Duplicate);
        Assert.Equal(1, _effects["us-fbi/retry-me"]);
    }

    [Fact]
    public async Task Concurrent_deliveries_of_one_message_take_effect_once()
    {
        var row = await _gb.Outbox.EnqueueAsync(new OutgoingMessage("us-fbi", "case.message", "race"u8.ToArray()));
        var envelope = await _gb.EnvelopeFor(row);
        var verifier = new ReceiptVerifier(_gb.ReceiptOpener);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => _us.Receiver.ReceiveAsync(envelope, CountEffect))));
        var receipts = await Task.WhenAll(results.Select(r => verifier.VerifyAsync(row, r.ReceiptEnvelope)));

        Assert.Equal(1, _effects["us-fbi/race"]);
        Assert.Single(results, r => !r.Duplicate);
        Assert.Single(receipts.Select(r => r.ReceivedAt).Distinct());
    }

    [Fact]
    public async Task Same_message_id_with_other_bytes_is_refused_as_a_replay()
    {
        var first = await _gb.SealTo(_us, "original");
        await _us.Receiver.ReceiveAsync(first.Compact, CountEffect);
        var sameId = _gb.Sealer.Seal(new OutgoingMessage("us-fbi", "case.message", "different"u8.ToArray(), MessageId: first.Header.MessageId),
            await _gb.PeerOf(_us));

        var e = await Assert.ThrowsAsync<EnvelopeRejectedException>(() => _us.Receiver.ReceiveAsync(sameId.Compact, CountEffect));

        Assert.Equal(EnvelopeRejection.Replayed, e.Reason);
        Assert.False(_effects.ContainsKey("us-fbi/different"));
    }

    [Fact]
    public async Task Inbox_forgets_ids_only_after_they_expired()
    {
        await _us.Receiver.ReceiveAsync((await _gb.SealTo(_us, "short", lifetime: TimeSpan.FromHours(1))).Compact, CountEffect);
        await _us.Receiver.ReceiveAsync((await _gb.SealTo(_us, "long", lifetime: TimeSpan.FromDays(3))).Compact, CountEffect);
        _time.Advance(TimeSpan.FromHours(2));

        var purged = await _us.Inbox.PurgeExpiredAsync(_time.GetUtcNow() - _us.Options.ClockSkew);

        Assert.Equal(1, purged);
        Assert.Equal(1, _us.Inbox.Count);
    }
}
