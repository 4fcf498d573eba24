using System.Security.Cryptography;
using System.Text.Json;
using Jose;
using Liaison.Exchange.Identity;
using Liaison.Exchange.Peers;

namespace Liaison.Exchange.Envelopes;

/// <summary>
/// Opens incoming envelopes, refusing anything that fails a check with an
/// <see cref="EnvelopeRejectedException"/>. The order is chosen so that cheap checks on the
/// outer header come first and nothing is believed before it is authenticated: size, shape and
/// algorithms, recipient, sender, times, decryption (authenticates the outer header), inner
/// signature by a usable key of the sender, inner header = outer header, and last the replay
/// check, so a forgery can never make a genuine id look seen.
/// </summary>
public sealed partial class EnvelopeOpener(
    NodeIdentity identity, IPeerDirectory peers, IReplayCache? replayCache, TimeProvider time, ExchangeOptions options)
{
    public async Task<OpenedMessage> OpenAsync(string envelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        // Compact serialisations are ASCII, so characters are bytes; anything else fails the shape check.
        if (envelope.Length > options.MaxEnvelopeBytes)
        {
            throw new EnvelopeRejectedException(EnvelopeRejection.Oversize, null, null, $"larger than {options.MaxEnvelopeBytes} bytes");
        }
        var outer = ReadOuter(envelope);
        var h = outer.Header;
        EnvelopeRejectedException Reject(EnvelopeRejection r, string detail) => new(r, h.MessageId, h.Sender, detail);

        if (!string.Equals(h.Recipient, identity.NodeId, StringComparison.Ordinal))
        {
            throw Reject(EnvelopeRejection.WrongRecipient, "addressed to another node");
        }
        var now = time.GetUtcNow();
        var sender = await peers.FindAsync(h.Sender, cancellationToken) ?? throw Reject(EnvelopeRejection.UnknownSender, "the sender is not a peer");
        if (now - options.ClockSkew >= sender.Descriptor.NotAfter)
        {
            throw Reject(EnvelopeRejection.SenderDescriptorExpired, "the sender's descriptor has expired");
        }
        CheckTimes(h, now, Reject);

        var decryptionKey = identity.UsableKeys(KeyUse.Encryption, now).FirstOrDefault(k => k.Kid == outer.Kid)
                            ?? throw Reject(EnvelopeRejection.UnknownRecipientKey, "encrypted to a key of ours that is not usable");
        string inner;
        try
        {
            inner = JWT.Decode(envelope, decryptionKey.Agreement, JweAlgorithm.ECDH_ES_A256KW, JweEncryption.A256GCM);
        }
        catch (Exception e) when (e is JoseException or CryptographicException or ArgumentException or FormatException)
        {
            throw Reject(EnvelopeRejection.DecryptionFailed, "the ciphertext or its header was altered");
        }

        var (innerHeader, signerKid, payload) = VerifyInner(inner, sender, now, Reject);
        if (innerHeader != h)
        {
            throw Reject(EnvelopeRejection.HeaderMismatch, "the signed routing fields differ from the outer ones");
        }
        if (replayCache is not null && await replayCache.HasSeenAsync(h.Sender, h.MessageId, cancellationToken))
        {
            throw Reject(EnvelopeRejection.Replayed, "this message id has been received before");
        }
        return new OpenedMessage(h, payload, signerKid, SealedEnvelope.HashOf(envelope));
    }

    private static (EnvelopeHeader Header, string Kid) ReadOuter(string envelope)
    {
        JsonElement header;
        try
        {
            header = CompactHeader.Read(envelope, 5);
        }
        catch (FormatException e)
        {
            throw new EnvelopeRejectedException(EnvelopeRejection.Malformed, null, null, e.Message);
        }
        if (header.String("alg") != "ECDH-ES+A256KW" || header.String("enc") != "A256GCM" || header.TryGetProperty("zip", out _))
        {
            throw new EnvelopeRejectedException(EnvelopeRejection.UnsupportedAlgorithm, header.String(EnvelopeHeader.MessageIdName),
                header.String(EnvelopeHeader.SenderName), "only ECDH-ES+A256KW with A256GCM, uncompressed, is accepted");
        }
        try
        {
            var kid = header.String("kid") ?? throw new FormatException("no kid");
            return (EnvelopeHeader.ReadFrom(header), kid);
        }
        catch (FormatException e)
        {
            throw new EnvelopeRejectedException(EnvelopeRejection.Malformed, header.String(EnvelopeHeader.MessageIdName),
                header.String(EnvelopeHeader.SenderName), e.Message);
        }
    }

    private void CheckTimes(EnvelopeHeader h, DateTimeOffset now, Func<EnvelopeRejection, string, EnvelopeRejectedException> reject)
    {
        if (now - options.ClockSkew >= h.Expires)
        {
            throw reject(EnvelopeRejection.Expired, "the message has expired");
        }
        if (h.Created > now + options.ClockSkew)
        {
            throw reject(EnvelopeRejection.InvalidLifetime, "created in the future beyond the clock-skew tolerance");
        }
        if (h.Expires <= h.Created || h.Expires - h.Created > options.MaxMessageLifetime)
        {
            throw reject(EnvelopeRejection.InvalidLifetime, "the claimed lifetime is empty or longer than allowed");
        }
    }

    private (EnvelopeHeader Header, string Kid, byte[] Payload) VerifyInner(
        string inner, Peer sender, DateTimeOffset now, Func<EnvelopeRejection, string, EnvelopeRejectedException> reject)
    {
        JsonElement header;
        EnvelopeHeader innerHeader;
        string kid;
        try
        {
            header = CompactHeader.Read(inner, 3);
            kid = header.String("kid") ?? throw new FormatException("no kid in the signed message");
            innerHeader = EnvelopeHeader.ReadFrom(header);
        }
        catch (FormatException e)
        {
            throw reject(EnvelopeRejection.Malformed, e.Message);
        }
        if (header.String("alg") != PublicJwk.SigningAlg)
        {
            throw reject(EnvelopeRejection.UnsupportedAlgorithm, "the inner signature is not ES256");
        }
        if (sender.Descriptor.IsRevoked(kid))
        {
            throw reject(EnvelopeRejection.RevokedKey, $"signed with revoked key {kid}");
        }
        var key = sender.Descriptor.VerifyingKey(kid, now, options.ClockSkew)
                  ?? throw reject(EnvelopeRejection.UnknownSigningKey, $"key {kid} is not a usable signing key of the sender");
        try
        {
            using var verifier = PublicKeyPool.Verifier(key);
            return (innerHeader, kid, JWT.VerifyBytes(inner, verifier.Key, JwsAlgorithm.ES256));
        }
        catch (Exception e) when (e is JoseException or CryptographicException or ArgumentException or FormatException)
        {
            throw reject(EnvelopeRejection.BadSignature, "the signature does not verify");
        }
    }
}
