using System.Text;
using Jose;
using Liaison.Exchange.Delivery;
using Liaison.Exchange.Envelopes;
using Liaison.Exchange.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Liaison.Exchange.Tests.Delivery;

public sealed class ReceiptTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly TestNode _gb;
    private readonly TestNode _us;
    private readonly TestNode _eu;

    public ReceiptTests()
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

    private async Task<(OutboxMessage Sent, string Receipt)> Deliver(string text = "hello")
    {
        var sent = await _gb.Outbox.EnqueueAsync(new OutgoingMessage("us-fbi", "case.message", Encoding.UTF8.GetBytes(text)));
        var result = await _us.Receiver.ReceiveAsync(await _gb.EnvelopeFor(sent), (_, _) => Task.CompletedTask);
        return (sent, result.ReceiptEnvelope);
    }

    [Fact]
    public async Task Receipt_names_the_message_and_the_hash_of_the_exact_envelope_received()
    {
        var (sent, receiptEnvelope) = await Deliver();

        var receipt = await new ReceiptVerifier(_gb.ReceiptOpener).VerifyAsync(sent, receiptEnvelope);

        Assert.Equal(sent.Id, receipt.MessageId);
        Assert.Equal(SealedEnvelope.HashOf(sent.SignedMessage), receipt.MessageSha256);
        Assert.Equal(_time.GetUtcNow(), receipt.ReceivedAt);
    }

    [Fact]
    public async Task Receipt_is_a_signature_anyone_with_the_receivers_public_key_can_check()
    {
        var (sent, receiptEnvelope) = await Deliver();
        var usPublicKey = (await _gb.PeerOf(_us)).Descriptor.CurrentSigningKey;

        using var verifier = usPublicKey.ToECDsa();
        var payload = JWT.Verify(receiptEnvelope, verifier, JwsAlgorithm.ES256);

        Assert.Equal(3, receiptEnvelope.Split('.').Length);
        Assert.Contains(sent.Id, payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tampered_receipt_is_refused()
    {
        var (sent, receiptEnvelope) = await Deliver();
        var parts = receiptEnvelope.Split('.');
        var payload = Encoding.UTF8.GetString(Base64Url.Decode(parts[1])).Replace(sent.Id, sent.Id[..^1] + (sent.Id[^1] == 'a' ? 'b' : 'a'), StringComparison.Ordinal);
        parts[1] = Base64Url.Encode(Encoding.UTF8.GetBytes(payload));

        var e = await Assert.ThrowsAsync<EnvelopeRejectedException>(() => new ReceiptVerifier(_gb.ReceiptOpener).VerifyAsync(sent, string.Join('.', parts)));

        Assert.Equal(EnvelopeRejection.BadSignature, e.Reason);
    }

    [Fact]
    public async Task Receipt_signed_by_another_peer_is_refused()
    {
        var (sent, _) = await Deliver();
        var fromEu = _eu.Sealer.Sign(new OutgoingMessage("gb-nca", Receipt.MessageType,
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new Receipt([new ReceiptEntry(sent.Id, sent.MessageHash, _time.GetUtcNow())], []),
                new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))), await _eu.PeerOf(_gb));

        var e = await Assert.ThrowsAsync<MessageTransportException>(() => new ReceiptVerifier(_gb.ReceiptOpener).VerifyAsync(sent, fromEu.Jws));

        Assert.Contains("not a receipt from us-fbi", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signed_only_message_that_is_not_a_receipt_is_not_taken_as_one()
    {
        var (sent, _) = await Deliver();
        var notReceipt = _us.Sealer.Sign(new OutgoingMessage("gb-nca", "case.message", "{}"u8.ToArray()), await _us.PeerOf(_gb));

        await Assert.ThrowsAsync<MessageTransportException>(() => new ReceiptVerifier(_gb.ReceiptOpener).VerifyAsync(sent, notReceipt.Jws));
    }

    [Fact]
    public async Task Receipt_for_a_duplicate_that_arrives_near_expiry_is_still_valid_for_the_sender()
    {
        var sent = await _gb.Outbox.EnqueueAsync(new OutgoingMessage("us-fbi", "case.message", "x"u8.ToArray(), Lifetime: TimeSpan.FromHours(1)));
        var envelope = await _gb.EnvelopeFor(sent);
        await _us.Receiver.ReceiveAsync(envelope, (_, _) => Task.CompletedTask);
        _time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromMinutes(4));

        var duplicate = await _us.Receiver.ReceiveAsync(envelope, (_, _) => Task.CompletedTask);
        var receipt = await new ReceiptVerifier(_gb.ReceiptOpener).VerifyAsync(sent, duplicate.ReceiptEnvelope);

        Assert.True(duplicate.Duplicate);
        Assert.Equal(sent.Id, receipt.MessageId);
    }
}
