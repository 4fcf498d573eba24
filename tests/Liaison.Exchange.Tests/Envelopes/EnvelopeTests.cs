using System.Text;
using Jose;
using Liaison.Core.Markings;
using Liaison.Exchange.Envelopes;
using Liaison.Exchange.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Liaison.Exchange.Tests.Envelopes;

public sealed class EnvelopeTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly TestNode _gb;
    private readonly TestNode _us;
    private readonly TestNode _eu;

    public EnvelopeTests()
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

    [Fact]
    public async Task Sealed_message_opens_at_the_recipient_with_every_header_field()
    {
        var signed = _gb.Sealer.Sign(new OutgoingMessage("us-fbi", "case.message", Encoding.UTF8.GetBytes("{\"text\":\"hi\"}"),
            "OP-TRIDENT", HandlingCodes.H0 | HandlingCodes.H2, Tlp.AmberStrict), await _gb.PeerOf(_us));
        var sealedEnvelope = _gb.Sealer.Encrypt(signed, await _gb.PeerOf(_us));

        var opened = await _us.Opener.OpenAsync(sealedEnvelope.Compact);

        Assert.Equal("{\"text\":\"hi\"}", Encoding.UTF8.GetString(opened.Payload));
        Assert.Equal(sealedEnvelope.Header, opened.Header);
        Assert.Equal("gb-nca", opened.Header.Sender);
        Assert.Equal("OP-TRIDENT", opened.Header.CaseReference);
        Assert.Equal(HandlingCodes.H0 | HandlingCodes.H2, opened.Header.Handling);
        Assert.Equal(Tlp.AmberStrict, opened.Header.Tlp);
        Assert.Equal(_gb.Identity.SigningKey.Kid, opened.SignerKid);
        Assert.Equal(signed.Hash, opened.MessageHash);
    }

    [Fact]
    public async Task Routing_fields_are_readable_without_decryption_and_the_payload_is_not()
    {
        var sealedEnvelope = await _gb.SealTo(_us, "secret-payload-text");

        var header = JWT.Headers(sealedEnvelope.Compact);

        Assert.Equal("ECDH-ES+A256KW", header["alg"]?.ToString());
        Assert.Equal("A256GCM", header["enc"]?.ToString());
        Assert.Equal("us-fbi", header["recipient"]?.ToString());
        Assert.Equal("gb-nca", header["sender"]?.ToString());
        Assert.Equal(_us.Identity.EncryptionKey.Kid, header["kid"]?.ToString());
        Assert.DoesNotContain("secret-payload-text", Encoding.UTF8.GetString(Base64Url.Decode(sealedEnvelope.Compact.Split('.')[0])), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3)] // ciphertext
    [InlineData(4)] // tag
    [InlineData(2)] // iv
    [InlineData(1)] // wrapped key
    public async Task Tampered_ciphertext_is_refused(int part)
    {
        var parts = (await _gb.SealTo(_us)).Compact.Split('.');
        var bytes = Base64Url.Decode(parts[part]);
        bytes[^1] ^= 0x01;
        parts[part] = Base64Url.Encode(bytes);

        var e = await Assert.ThrowsAsync<EnvelopeRejectedException>(() => _us.Opener.OpenAsync(string.Join('.', parts)));

        Assert.Equal(EnvelopeRejection.DecryptionFailed, e.Reason);
    }

    [Fact]
    public async Task Altered_outer_header_fails_authentication()
    {
        // Moving the expiry in the readable header must not survive: the header is the AEAD's associated data.
        var envelope = (await _gb.SealTo(_us)).Compact;
        var parts = envelope.Split('.');
        var header = Encoding.UTF8.GetString(Base64Url.Decode(parts[0]));
        var expires = JWT.Headers(envelope)["expires"]!.ToString()!;
        parts[0] = Base64Url.Encode(Encoding.UTF8.GetBytes(header.Replace(expires, (long.Parse(expires, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));

        var e = await Assert.ThrowsAsync<EnvelopeRejectedException>(() => _us.Opener.OpenAsync(string.Join('.', parts)));

        Assert.Equal(EnvelopeRejection.DecryptionFailed, e.Reason);
    }

    [Fact]
    public async Task Forged_signature_is_refused()
    {
        // A node that knows us encrypts correctly but signs with a key that is not gb-nca's.
        var header = (await _gb.SealTo(_us)).Header;
        var usKey = (await _gb.PeerOf(_us)).Descriptor.CurrentEncryptionKey;
        var forged = EnvelopeSealer.Seal(header, "forged"u8, _eu.Identity.SigningKey, usKey);

        var e = await Assert.ThrowsAsync<EnvelopeRejectedException>(() => _us.Opener.OpenAsync(forged.Compact));

        Assert.Equal(EnvelopeRejection.UnknownSigningKey, e.Reason);
    }

    [Fact]
    public async Task Signature_that_does_not_verify_under_the_claimed_kid_is_refused()
    {
        var header = (await _gb.SealTo(_us)).Header;
        var signer = new ImpostorKey(_eu.Identity.SigningKey, claimedKid: _gb.Identity.SigningKey.Kid);
        var forged = signer.Seal(header, (await _gb.PeerOf(_us)).Descriptor.CurrentEncryptionKey);

        var e = await Assert.ThrowsAsync<EnvelopeRejectedException>(() => _us.Opener.OpenAsync(forged));

        Assert.Equal(EnvelopeRejection.BadSignature, e.Reason);
    }

    [Fact]
    public async Task Inner_and_outer_routing_fields_must_agree()
    {
        var header = (await _gb.SealTo(_us)).Header;
        var signedFor = header with { CaseReference = "OTHER-CASE" };
        var envelope = new ImpostorKey(_gb.Identity.SigningKey, _gb.Identity.SigningKey.Kid)
            .Seal(signedFor, (await _gb.PeerOf(_us)).Descriptor.CurrentEncryptionKey, outerHeader: header);

        var e = await Assert.ThrowsAsync<EnvelopeRejectedException>(() => _us.Opener.OpenAsync(envelope));

        Assert.Equal(EnvelopeRejection.HeaderMismatch, e.Reason);
    }

    [Fact]
    public async Task Message_for_another_node_is_refused()
    {
        var toEu = await _gb.SealTo(_eu);

        var e = await Assert.ThrowsAsync<EnvelopeRejectedException>(() => _us.Opener.OpenAsync(toEu.Compact));

        Assert.Equal(EnvelopeRejection.WrongRecipient, e.Reason);
        Assert.Equal(toEu.Header.MessageId, e.MessageId);
    }

    [Fact]
    public async Task Expired_message_is_refused_after_the_skew_tolerance()
    {
        var envelope = (await _gb.SealTo(_us, lifetime: TimeSpan.FromHours(1))).Compact;
        _time.Advance(TimeSpan.FromHours(1) + _us.Options.ClockSkew - TimeSpan.FromSeconds(1));
        await _us.Opener.OpenAsync(envelope);
        _time.Advance(TimeSpan.FromSeconds(1));

        var e = await Assert.ThrowsAsync<EnvelopeRejectedException>(() => _us.Opener.OpenAsync(envelope));

        Assert.Equal(EnvelopeRejection.Expired, e.Reason);
    }

    [Fact]
    public async Task Message_created_beyond_the_skew_in_the_future_is_refused()
    {
        var skewed = new FakeTimeProvider(_time.GetUtcNow() + TimeSpan.FromMinutes(6));
        var fastGb = new EnvelopeSealer(_gb.Identity, skewed, new ExchangeOptions());
        var envelope = fastGb.Seal(new OutgoingMessage("us-fbi", "case.message", "x"u8.ToArray()), await _gb.PeerOf(_us));

        var e = await Assert.ThrowsAsync<EnvelopeRejectedException>(() => _us.Opener.OpenAsync(envelope.Compact));

        Assert.Equal(EnvelopeRejection.InvalidLifetime, e.Reason);
    }

    [Fact]
    public async Task Message_created_within_the_skew_in_the_future_is_accepted()
    {
        var skewed = new FakeTimeProvider(_time.GetUtcNow() + TimeSpan.FromMinutes(4));
        var fastGb = new EnvelopeSealer(_gb.Identity, skewed, new ExchangeOptions());
        var envelope = fastGb.Seal(new OutgoingMessage("us-fbi", "case.message", "x"u8.ToArray()), await _gb.PeerOf(_us));

        var opened = await _us.Opener.OpenAsync(envelope.Compact);

        Assert.Equal("gb-nca", opened.Header.Sender);
    }

    [Fact]
    public async Task Replayed_message_is_refused_once_its_effect_is_recorded()
    {
        var envelope = (await _gb.SealTo(_us)).Compact;
        await _us.Receiver.ReceiveAsync(envelope, (_, _) => Task.CompletedTask);

        var e = await Assert.ThrowsAsync<EnvelopeRejectedException>(() => _us.Opener.OpenAsync(envelope));

        Assert.Equal(EnvelopeRejection.Replayed, e.Reason);
    }

    [Fact]
    public async Task Message_from_a_node_that_is_not_a_peer_is_refused()
    {
        using var stranger = TestNode.Create("xx-rogue", _time);
        await stranger.Trust(_us);
        var envelope = await stranger.SealTo(_us);

        var e = await Assert.ThrowsAsync<EnvelopeRejectedException>(() => _us.Opener.OpenAsync(envelope.Compact));

        Assert.Equal(EnvelopeRejection.UnknownSender, e.Reason);
    }

    [Fact]
    public async Task Envelope_over_the_size_limit_is_refused_before_parsing()
    {
        var small = new ExchangeOptions { MaxEnvelopeBytes = 2048 };
        var opener = new Liaison.Exchange.Envelopes.EnvelopeOpener(_us.Identity, _us.Peers, _us.Inbox, _time, small);
        var big = await _gb.SealTo(_us, new string('x', 4000));

        var e = await Assert.ThrowsAsync<EnvelopeRejectedException>(() => opener.OpenAsync(big.Compact));
        var garbage = await Assert.ThrowsAsync<EnvelopeRejectedException>(() => opener.OpenAsync(new string('!', 4096)));

        Assert.Equal(EnvelopeRejection.Oversize, e.Reason);
        Assert.Equal(EnvelopeRejection.Oversize, garbage.Reason);
        Assert.Null(e.MessageId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-envelope")]
    [InlineData("a.b.c.d.e")]
    [InlineData("eyJhbGciOiJub25lIn0.e30.")]
    public async Task Malformed_input_is_refused_as_malformed(string input)
    {
        var e = await Assert.ThrowsAsync<EnvelopeRejectedException>(() => _us.Opener.OpenAsync(input));

        Assert.Equal(EnvelopeRejection.Malformed, e.Reason);
    }

    [Fact]
    public async Task Envelope_with_another_algorithm_is_refused()
    {
        var header = new Dictionary<string, object> { ["kid"] = "k" };
        (await _gb.SealTo(_us)).Header.WriteTo(header);
        var dir = JWT.Encode("x", new byte[32], JweAlgorithm.DIR, JweEncryption.A256GCM, extraHeaders: header);

        var e = await Assert.ThrowsAsync<EnvelopeRejectedException>(() => _us.Opener.OpenAsync(dir));

        Assert.Equal(EnvelopeRejection.UnsupportedAlgorithm, e.Reason);
    }

    [Fact]
    public async Task Refusal_messages_name_ids_but_never_payload()
    {
        var envelope = await _gb.SealTo(_eu, "Jane Doe +44 7700 900123");

        var e = await Assert.ThrowsAsync<EnvelopeRejectedException>(() => _us.Opener.OpenAsync(envelope.Compact));

        Assert.Contains(envelope.Header.MessageId, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Jane", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("7700", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forged_header_cannot_put_arbitrary_text_into_the_refusal()
    {
        var header = new Dictionary<string, object> { ["kid"] = "k" };
        (await _gb.SealTo(_us)).Header.WriteTo(header);
        header["sender"] = "Jane Doe\nFAKE LOG LINE";
        var forged = JWT.Encode("x", new byte[32], JweAlgorithm.DIR, JweEncryption.A256GCM, extraHeaders: header);

        var e = await Assert.ThrowsAsync<EnvelopeRejectedException>(() => _us.Opener.OpenAsync(forged));

        Assert.Null(e.Sender);
        Assert.DoesNotContain("Jane", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", e.Message, StringComparison.Ordinal);
    }
}
