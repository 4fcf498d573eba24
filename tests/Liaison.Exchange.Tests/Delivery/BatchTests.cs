using System.Text;
using Liaison.Exchange.Delivery;
using Liaison.Exchange.Envelopes;
using Liaison.Exchange.Peers;
using Liaison.Exchange.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Liaison.Exchange.Tests.Delivery;

public sealed class BatchTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly TestNode _gb;
    private readonly TestNode _us;
    private readonly TestNode _eu;
    private readonly List<string> _effects = [];

    public BatchTests()
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

    private Task Record(OpenedMessage m, CancellationToken _)
    {
        lock (_effects)
        {
            _effects.Add(Encoding.UTF8.GetString(m.Payload));
        }
        return Task.CompletedTask;
    }

    private async Task<SignedMessage> Signed(TestNode from, TestNode to, string text) =>
        from.Sealer.Sign(new OutgoingMessage(to.Id, "case.message", Encoding.UTF8.GetBytes(text)), await from.PeerOf(to));

    [Fact]
    public async Task Messages_due_for_one_peer_travel_in_one_envelope_and_are_each_acknowledged()
    {
        for (var i = 0; i < 5; i++)
        {
            await _gb.Outbox.EnqueueAsync(new OutgoingMessage("us-fbi", "case.message", Encoding.UTF8.GetBytes($"m{i}")));
        }
        var transport = new CountingTransport(_us, Record);

        await _gb.Worker(transport).DeliverDueAsync();

        Assert.Equal(1, transport.Envelopes);
        Assert.Equal(5, (await _gb.OutboxStore.ListAsync(OutboxState.Delivered)).Count);
        Assert.Equal(["m0", "m1", "m2", "m3", "m4"], _effects.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Batch_size_limit_splits_the_messages_into_several_envelopes()
    {
        for (var i = 0; i < 5; i++)
        {
            await _gb.Outbox.EnqueueAsync(new OutgoingMessage("us-fbi", "case.message", Encoding.UTF8.GetBytes($"m{i}")));
        }
        var transport = new CountingTransport(_us, Record);

        await _gb.Worker(transport, new RetryPolicy { MaxBatchMessages = 2 }).DeliverDueAsync();

        Assert.Equal(3, transport.Envelopes);
        Assert.Equal(5, _effects.Count);
    }

    [Fact]
    public async Task Forged_member_of_a_batch_is_refused_alone_and_the_others_take_effect()
    {
        var good1 = await Signed(_gb, _us, "good-1");
        var good2 = await Signed(_gb, _us, "good-2");
        var forgedHeader = good1.Header with { MessageId = "forged-1" };
        var forged = new SignedMessage(forgedHeader, EnvelopeSealer.SignPayload(forgedHeader, "forged"u8, _eu.Identity.SigningKey));
        var envelope = _gb.Sealer.EncryptBatch([good1, forged, good2], await _gb.PeerOf(_us));

        var result = await _us.Receiver.ReceiveAsync(envelope.Compact, Record);
        var outcomes = await new ReceiptVerifier(_gb.ReceiptOpener).VerifyAsync(
            [OutboxMessage.For(good1, _time.GetUtcNow()), OutboxMessage.For(forged, _time.GetUtcNow()), OutboxMessage.For(good2, _time.GetUtcNow())],
            result.ReceiptEnvelope);

        Assert.Equal([ReceivedStatus.Accepted, ReceivedStatus.Refused, ReceivedStatus.Accepted], result.Items.Select(i => i.Status));
        Assert.Equal(EnvelopeRejection.UnknownSigningKey, result.Items[1].Reason);
        Assert.Equal([ReceiptVerdict.Delivered, ReceiptVerdict.Refused, ReceiptVerdict.Delivered], outcomes.Select(o => o.Verdict));
        Assert.Equal(["good-1", "good-2"], _effects);
    }

    [Fact]
    public async Task Batch_cannot_carry_a_message_of_another_sender()
    {
        var fromEu = await Signed(_eu, _us, "eu's own words");
        var envelope = _gb.Sealer.EncryptBatch([await Signed(_gb, _us, "gb"), fromEu], await _gb.PeerOf(_us));

        var result = await _us.Receiver.ReceiveAsync(envelope.Compact, Record);

        Assert.Equal(ReceivedStatus.Refused, result.Items[1].Status);
        Assert.Equal(["gb"], _effects);
    }

    [Fact]
    public async Task Batch_with_more_messages_than_allowed_is_refused_whole()
    {
        var opener = new EnvelopeOpener(_us.Identity, _us.Peers, _us.Inbox, _time, new ExchangeOptions { MaxBatchMessages = 2 });
        var envelope = _gb.Sealer.EncryptBatch([await Signed(_gb, _us, "1"), await Signed(_gb, _us, "2"), await Signed(_gb, _us, "3")],
            await _gb.PeerOf(_us));

        var e = await Assert.ThrowsAsync<EnvelopeRejectedException>(() => opener.OpenAllAsync(envelope.Compact));

        Assert.Equal(EnvelopeRejection.Malformed, e.Reason);
    }

    [Fact]
    public async Task Permanently_refused_member_is_dead_lettered_while_the_rest_are_delivered()
    {
        var ok = await _gb.Outbox.EnqueueAsync(new OutgoingMessage("us-fbi", "case.message", "fine"u8.ToArray()));
        var tooLate = await _gb.Outbox.EnqueueAsync(new OutgoingMessage("us-fbi", "case.message", "late"u8.ToArray(), Lifetime: TimeSpan.FromMinutes(10)));
        // The receiver's clock is ahead: it sees the second message as expired, the sender does not.
        var usLater = new FakeTimeProvider(_time.GetUtcNow() + TimeSpan.FromMinutes(16));
        var usOpener = new EnvelopeOpener(_us.Identity, _us.Peers, _us.Inbox, usLater, _us.Options);
        var receiver = new MessageReceiver(usOpener, _us.Inbox, new ReceiptIssuer(_us.Sealer, usLater, _us.Options), usLater);

        await _gb.Worker(new ReceiverTransport(receiver, Record)).DeliverDueAsync();

        Assert.Equal(OutboxState.Delivered, (await _gb.OutboxStore.FindAsync(ok.Id))!.State);
        var dead = (await _gb.OutboxStore.FindAsync(tooLate.Id))!;
        Assert.Equal(OutboxState.Dead, dead.State);
        Assert.Contains("Expired", dead.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Message_queued_before_the_recipient_rotated_its_keys_is_still_delivered_after_the_overlap()
    {
        var row = await _gb.Outbox.EnqueueAsync(new OutgoingMessage("us-fbi", "case.message", "queued"u8.ToArray(), Lifetime: TimeSpan.FromDays(3)));
        _time.Advance(TimeSpan.FromMinutes(1));
        _us.Identity.Rotate(TimeSpan.FromHours(1));
        await _gb.Trust(_us);
        _time.Advance(TimeSpan.FromHours(2));

        await _gb.Worker(new CountingTransport(_us, Record)).DeliverDueAsync();

        Assert.Equal(OutboxState.Delivered, (await _gb.OutboxStore.FindAsync(row.Id))!.State);
        Assert.Equal(["queued"], _effects);
    }

    private sealed class CountingTransport(TestNode receiver, Func<OpenedMessage, CancellationToken, Task> effect) : IMessageTransport
    {
        public int Envelopes { get; private set; }

        public async Task<string> SendAsync(Peer recipient, string envelope, CancellationToken cancellationToken = default)
        {
            Envelopes++;
            return (await receiver.Receiver.ReceiveAsync(envelope, effect, cancellationToken)).ReceiptEnvelope;
        }
    }

    private sealed class ReceiverTransport(MessageReceiver receiver, Func<OpenedMessage, CancellationToken, Task> effect) : IMessageTransport
    {
        public async Task<string> SendAsync(Peer recipient, string envelope, CancellationToken cancellationToken = default) =>
            (await receiver.ReceiveAsync(envelope, effect, cancellationToken)).ReceiptEnvelope;
    }
}
