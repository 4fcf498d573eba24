using Liaison.Exchange.Envelopes;
using Liaison.Exchange.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Liaison.Exchange.Tests.Envelopes;

public sealed class RotationAndRevocationTests : IDisposable
{
    private static readonly TimeSpan Overlap = TimeSpan.FromDays(1);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly TestNode _gb;
    private readonly TestNode _us;

    public RotationAndRevocationTests()
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

    [Fact]
    public async Task Message_signed_with_the_old_key_is_accepted_during_the_overlap_and_refused_after()
    {
        var signedWithOldKey = await _gb.SealTo(_us, lifetime: TimeSpan.FromDays(5));
        _time.Advance(TimeSpan.FromMinutes(1));
        _gb.Identity.Rotate(Overlap);
        await _us.Trust(_gb);

        var duringOverlap = await _us.ReceiptOpener.OpenAsync(signedWithOldKey.Compact);
        _time.Advance(Overlap + _us.Options.ClockSkew);
        var afterOverlap = await Assert.ThrowsAsync<EnvelopeRejectedException>(() => _us.ReceiptOpener.OpenAsync(signedWithOldKey.Compact));
        var signedWithNewKey = await _us.ReceiptOpener.OpenAsync((await _gb.SealTo(_us)).Compact);

        Assert.Equal(signedWithOldKey.Header.MessageId, duringOverlap.Header.MessageId);
        Assert.Equal(EnvelopeRejection.UnknownSigningKey, afterOverlap.Reason);
        Assert.Equal(_gb.Identity.SigningKey.Kid, signedWithNewKey.SignerKid);
    }

    [Fact]
    public async Task Message_signed_with_the_new_key_is_refused_until_the_peer_has_the_new_descriptor()
    {
        _time.Advance(TimeSpan.FromMinutes(1));
        _gb.Identity.Rotate(Overlap);
        var envelope = await _gb.SealTo(_us);

        var before = await Assert.ThrowsAsync<EnvelopeRejectedException>(() => _us.ReceiptOpener.OpenAsync(envelope.Compact));
        await _us.Trust(_gb);
        var after = await _us.ReceiptOpener.OpenAsync(envelope.Compact);

        Assert.Equal(EnvelopeRejection.UnknownSigningKey, before.Reason);
        Assert.Equal("gb-nca", after.Header.Sender);
    }

    [Fact]
    public async Task Message_encrypted_to_the_recipients_old_key_decrypts_during_the_overlap_and_not_after()
    {
        _time.Advance(TimeSpan.FromMinutes(1));
        _us.Identity.Rotate(Overlap);
        // gb-nca has not fetched us-fbi's new descriptor yet, so it encrypts to the old key.
        var toOldKey = await _gb.SealTo(_us, lifetime: TimeSpan.FromDays(5));

        var duringOverlap = await _us.ReceiptOpener.OpenAsync(toOldKey.Compact);
        _time.Advance(Overlap);
        var afterOverlap = await Assert.ThrowsAsync<EnvelopeRejectedException>(() => _us.ReceiptOpener.OpenAsync(toOldKey.Compact));

        Assert.Equal("gb-nca", duringOverlap.Header.Sender);
        Assert.Equal(EnvelopeRejection.UnknownRecipientKey, afterOverlap.Reason);
    }

    [Fact]
    public async Task Message_signed_with_a_revoked_key_is_refused_as_soon_as_the_revocation_is_known()
    {
        var signedWithOldKey = await _gb.SealTo(_us, lifetime: TimeSpan.FromDays(5));
        _time.Advance(TimeSpan.FromMinutes(1));
        var rotation = _gb.Identity.Rotate(Overlap);
        await _us.Trust(_gb);
        _time.Advance(TimeSpan.FromMinutes(1));
        _gb.Identity.Revoke(rotation.OldSigningKid);
        await _us.Trust(_gb);

        var e = await Assert.ThrowsAsync<EnvelopeRejectedException>(() => _us.ReceiptOpener.OpenAsync(signedWithOldKey.Compact));

        Assert.Equal(EnvelopeRejection.RevokedKey, e.Reason);
    }

    [Fact]
    public async Task Sender_whose_descriptor_expired_is_refused()
    {
        using var shortLived = TestNode.Create("fr-ocrtis", _time);
        await _us.Trust(shortLived);
        await shortLived.Trust(_us);
        // Re-add with a one-day descriptor (remove first: a shorter validity is a legitimate update anyway).
        await _us.Peers.RemoveAsync("fr-ocrtis");
        await new Liaison.Exchange.Peers.PeerOnboarding(_us.Peers, _us.Id, _time).AddAsync(shortLived.Identity.ExportDescriptor(TimeSpan.FromDays(1)));
        _time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(10));
        var envelope = await shortLived.SealTo(_us);

        var e = await Assert.ThrowsAsync<EnvelopeRejectedException>(() => _us.ReceiptOpener.OpenAsync(envelope.Compact));

        Assert.Equal(EnvelopeRejection.SenderDescriptorExpired, e.Reason);
    }
}
