using System.Text;
using Liaison.Exchange.Delivery;
using Liaison.Exchange.Envelopes;
using Liaison.Exchange.Peers;
using Liaison.Exchange.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Liaison.Exchange.Tests.Delivery;

public sealed class DeliveryWorkerTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly TestNode _gb;
    private readonly TestNode _us;
    private readonly RetryPolicy _policy = new() { MaxAttempts = 3, BaseDelay = TimeSpan.FromSeconds(1), MaxDelay = TimeSpan.FromSeconds(8) };

    public DeliveryWorkerTests()
    {
        _gb = TestNode.Create("gb-nca", _time);
        _us = TestNode.Create("us-fbi", _time);
        TestNode.Introduce(_gb, _us).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        _gb.Dispose();
        _us.Dispose();
    }

    private DeliveryWorker Worker(IMessageTransport transport) => _gb.Worker(transport, _policy);

    private Task<OutboxMessage> Enqueue(string text = "hello", TimeSpan? lifetime = null) =>
        _gb.Outbox.EnqueueAsync(new OutgoingMessage("us-fbi", "case.message", Encoding.UTF8.GetBytes(text), "CASE-1", Lifetime: lifetime));

    private async Task DrainAsync(DeliveryWorker worker, int rounds = 20)
    {
        for (var i = 0; i < rounds; i++)
        {
            await worker.DeliverDueAsync();
            _time.Advance(_policy.MaxDelay);
        }
    }

    [Fact]
    public async Task Delivered_message_keeps_the_recipients_verified_receipt()
    {
        var row = await Enqueue();
        var attempts = new List<DeliveryAttempt>();
        var worker = Worker(new DirectTransport(_us));
        worker.Attempted += attempts.Add;

        await worker.DeliverDueAsync();
        var delivered = await _gb.OutboxStore.FindAsync(row.Id);
        var receipt = await new ReceiptVerifier(_gb.ReceiptOpener).VerifyAsync(delivered!, delivered!.Receipt!);

        Assert.Equal(OutboxState.Delivered, delivered.State);
        Assert.Equal(1, delivered.Attempts);
        Assert.Equal(row.MessageHash, receipt.MessageSha256);
        Assert.Equal(_time.GetUtcNow(), attempts.Single().ReceiptReceivedAt);
    }

    [Fact]
    public async Task Message_is_dead_lettered_after_the_maximum_attempts_and_the_operator_can_retry_it()
    {
        var row = await Enqueue();
        var failing = new FailingTransport();

        await DrainAsync(Worker(failing));
        var dead = await _gb.OutboxStore.FindAsync(row.Id);
        var retried = await _gb.Outbox.RetryAsync(row.Id);
        await DrainAsync(Worker(new DirectTransport(_us)), rounds: 1);

        Assert.Equal(OutboxState.Dead, dead!.State);
        Assert.Equal(3, dead.Attempts);
        Assert.Equal(3, failing.Calls);
        Assert.Contains("peer unreachable", dead.LastError, StringComparison.Ordinal);
        Assert.True(retried);
        Assert.Equal(OutboxState.Delivered, (await _gb.OutboxStore.FindAsync(row.Id))!.State);
    }

    [Fact]
    public async Task Permanent_refusal_is_dead_lettered_without_retrying()
    {
        var row = await Enqueue();
        var refusing = new FailingTransport(permanent: true);

        await DrainAsync(Worker(refusing));

        Assert.Equal(OutboxState.Dead, (await _gb.OutboxStore.FindAsync(row.Id))!.State);
        Assert.Equal(1, refusing.Calls);
    }

    [Fact]
    public async Task Message_to_a_peer_that_does_not_know_us_yet_is_retried_until_it_does()
    {
        var row = await Enqueue();
        await _us.Peers.RemoveAsync("gb-nca");
        var worker = Worker(new DirectTransport(_us));

        await worker.DeliverDueAsync();
        var waiting = await _gb.OutboxStore.FindAsync(row.Id);
        await _us.Trust(_gb);
        _time.Advance(_policy.MaxDelay);
        await worker.DeliverDueAsync();

        Assert.Equal(OutboxState.Pending, waiting!.State);
        Assert.Contains("UnknownSender", waiting.LastError, StringComparison.Ordinal);
        Assert.Equal(OutboxState.Delivered, (await _gb.OutboxStore.FindAsync(row.Id))!.State);
    }

    [Theory]
    [InlineData(EnvelopeRejection.UnknownSender, true)]
    [InlineData(EnvelopeRejection.UnknownRecipientKey, true)]
    [InlineData(EnvelopeRejection.BadSignature, false)]
    [InlineData(EnvelopeRejection.Expired, false)]
    [InlineData(EnvelopeRejection.Replayed, false)]
    public void Only_refusals_due_to_stale_descriptors_heal(EnvelopeRejection reason, bool heals)
    {
        Assert.Equal(heals, reason.CanHeal());
    }

    [Fact]
    public async Task Message_that_expires_before_delivery_is_dead_lettered()
    {
        var row = await Enqueue(lifetime: TimeSpan.FromMinutes(1));
        _time.Advance(TimeSpan.FromMinutes(2));

        await Worker(new DirectTransport(_us)).DeliverDueAsync();

        var dead = await _gb.OutboxStore.FindAsync(row.Id);
        Assert.Equal(OutboxState.Dead, dead!.State);
        Assert.Contains("expired", dead.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Answer_that_is_not_a_receipt_for_the_message_does_not_count_as_delivery()
    {
        var row = await Enqueue("first");
        var other = await _gb.SealTo(_us, "other");
        var otherReceipt = (await _us.Receiver.ReceiveAsync(other.Compact, (_, _) => Task.CompletedTask)).ReceiptEnvelope;
        _ = row;

        await Worker(new CannedTransport(otherReceipt)).DeliverDueAsync();

        var row2 = await _gb.OutboxStore.FindAsync(row.Id);
        Assert.Equal(OutboxState.Pending, row2!.State);
        Assert.Contains("did not acknowledge", row2.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claimed_message_is_not_claimed_again_until_its_lease_ends()
    {
        await Enqueue();

        var first = await _gb.OutboxStore.ClaimDueAsync(_time.GetUtcNow(), 10, TimeSpan.FromMinutes(2));
        var second = await _gb.OutboxStore.ClaimDueAsync(_time.GetUtcNow(), 10, TimeSpan.FromMinutes(2));
        _time.Advance(TimeSpan.FromMinutes(2));
        var afterLease = await _gb.OutboxStore.ClaimDueAsync(_time.GetUtcNow(), 10, TimeSpan.FromMinutes(2));

        Assert.Single(first);
        Assert.Empty(second);
        Assert.Single(afterLease);
    }

    [Fact]
    public async Task Worker_loop_sleeps_on_the_injected_clock_and_delivers_what_becomes_due()
    {
        using var cts = new CancellationTokenSource();
        var worker = Worker(new DirectTransport(_us));
        var delivered = new TaskCompletionSource();
        worker.Attempted += a => { if (a.State == OutboxState.Delivered) { delivered.TrySetResult(); } };
        var loop = worker.RunAsync(cts.Token);

        var row = await Enqueue();
        for (var i = 0; i < 100 && !delivered.Task.IsCompleted; i++)
        {
            _time.Advance(_policy.PollInterval);
            await Task.WhenAny(delivered.Task, Task.Delay(10));
        }
        await cts.CancelAsync();
        await loop;

        Assert.Equal(OutboxState.Delivered, (await _gb.OutboxStore.FindAsync(row.Id))!.State);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(4, 8)]
    [InlineData(10, 8)]
    [InlineData(1000, 8)]
    public void Backoff_bound_doubles_per_attempt_up_to_the_maximum(int attempts, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), _policy.Bound(attempts));
    }

    [Fact]
    public void Jittered_delays_stay_within_the_bound_and_spread_over_it()
    {
        var delays = Enumerable.Range(0, 500).Select(_ => _policy.NextDelay(4)).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.Zero, TimeSpan.FromSeconds(8)));
        Assert.Contains(delays, d => d < TimeSpan.FromSeconds(2));
        Assert.Contains(delays, d => d > TimeSpan.FromSeconds(6));
    }

    private sealed class DirectTransport(TestNode receiver) : IMessageTransport
    {
        public async Task<string> SendAsync(Peer recipient, string envelope, CancellationToken cancellationToken = default) =>
            (await receiver.Receiver.ReceiveAsync(envelope, (_, _) => Task.CompletedTask, cancellationToken)).ReceiptEnvelope;
    }

    private sealed class FailingTransport(bool permanent = false) : IMessageTransport
    {
        public int Calls { get; private set; }

        public Task<string> SendAsync(Peer recipient, string envelope, CancellationToken cancellationToken = default)
        {
            Calls++;
            throw new MessageTransportException(permanent ? "refused: WrongRecipient" : "peer unreachable", permanent);
        }
    }

    private sealed class CannedTransport(string answer) : IMessageTransport
    {
        public Task<string> SendAsync(Peer recipient, string envelope, CancellationToken cancellationToken = default) => Task.FromResult(answer);
    }
}
