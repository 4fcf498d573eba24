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
/// algorithms, recipient, sender, times, decryption (authenticates the outer header), then per
/// signed message: signature by a usable key of the sender, its header against the outer one, and
/// last the replay check, so a forgery can never make a genuine id look seen.
/// </summary>
public sealed partial class EnvelopeOpener(
    NodeIdentity identity, IPeerDirectory peers, IReplayCache? replayCache, TimeProvider time, ExchangeOptions options)
{
    /// <summary>Opens an envelope holding one message and returns it, or throws its refusal.</summary>
    public async Task<OpenedMessage> OpenAsync(string envelope, CancellationToken cancellationToken = default)
    {
        var opened = await OpenAllAsync(envelope, cancellationToken);
        if (opened.IsBatch)
        {
            throw new EnvelopeRejectedException(EnvelopeRejection.Malformed, opened.Outer.MessageId, opened.Outer.Sender,
                "a batch where one message was expected");
        }
        var item = opened.Items[0];
        return item.Message ?? throw item.Refusal!;
    }

    /// <summary>
    /// Opens an envelope holding one message or a batch. Failures of the envelope itself throw;
    /// each message inside is returned opened or with its own refusal.
    /// </summary>
    public async Task<OpenedEnvelope> OpenAllAsync(string envelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        // Compact serialisations are ASCII, so characters are bytes; anything else fails the shape check.
        if (envelope.Length > options.MaxEnvelopeBytes)
        {
            throw new EnvelopeRejectedException(EnvelopeRejection.Oversize, null, null, $"larger than {options.MaxEnvelopeBytes} bytes");
        }
        var (h, kid, contentType) = ReadOuter(envelope);
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

        var decryptionKey = identity.UsableKeys(KeyUse.Encryption, now).FirstOrDefault(k => k.Kid == kid)
                            ?? throw Reject(EnvelopeRejection.UnknownRecipientKey, "encrypted to a key of ours that is not usable");
        string plaintext;
        try
        {
            plaintext = JWT.Decode(envelope, decryptionKey.Agreement, JweAlgorithm.ECDH_ES_A256KW, JweEncryption.A256GCM);
        }
        catch (Exception e) when (e is JoseException or CryptographicException or ArgumentException or FormatException)
        {
            throw Reject(EnvelopeRejection.DecryptionFailed, "the ciphertext or its header was altered");
        }

        if (contentType == EnvelopeSealer.JwsType)
        {
            return new OpenedEnvelope(h, sender, false, [await OpenSigned(plaintext, sender, now, h, cancellationToken)]);
        }
        if (contentType != EnvelopeSealer.BatchContentType || h.Type != EnvelopeSealer.BatchType)
        {
            throw Reject(EnvelopeRejection.Malformed, "unknown content type");
        }
        var messages = ReadBatch(plaintext, Reject);
        var items = new List<OpenedItem>(messages.Count);
        foreach (var jws in messages)
        {
            items.Add(await OpenSigned(jws, sender, now, null, cancellationToken));
        }
        return new OpenedEnvelope(h, sender, true, items);
    }

    private List<string> ReadBatch(string plaintext, Func<EnvelopeRejection, string, EnvelopeRejectedException> reject)
    {
        try
        {
            var messages = JsonSerializer.Deserialize<List<string>>(plaintext) ?? throw new JsonException("null");
            return messages.Count is > 0 && messages.Count <= options.MaxBatchMessages && messages.TrueForAll(m => m is not null)
                ? messages
                : throw reject(EnvelopeRejection.Malformed, $"a batch must hold 1 to {options.MaxBatchMessages} messages");
        }
        catch (JsonException)
        {
            throw reject(EnvelopeRejection.Malformed, "the batch is not a JSON array of compact JWS");
        }
    }

    /// <summary>
    /// One signed message: signature, header consistency (equal to the outer header for a single
    /// message; same sender and recipient, own times checked, for a batch member), then replay.
    /// </summary>
    private async Task<OpenedItem> OpenSigned(string jws, Peer sender, DateTimeOffset now, EnvelopeHeader? outer, CancellationToken cancellationToken)
    {
        var hash = SealedEnvelope.HashOf(jws);
        try
        {
            var (h, kid, payload) = VerifyInner(jws, sender, now, outer?.MessageId);
            EnvelopeRejectedException Reject(EnvelopeRejection r, string detail) => new(r, h.MessageId, h.Sender, detail);
            if (outer is not null && h != outer)
            {
                throw Reject(EnvelopeRejection.HeaderMismatch, "the signed routing fields differ from the outer ones");
            }
            if (outer is null)
            {
                if (h.Sender != sender.NodeId || h.Recipient != identity.NodeId)
                {
                    throw Reject(EnvelopeRejection.HeaderMismatch, "a batch member names another sender or recipient than its batch");
                }
                CheckTimes(h, now, Reject);
            }
            if (replayCache is not null && await replayCache.HasSeenAsync(h.Sender, h.MessageId, cancellationToken))
            {
                throw Reject(EnvelopeRejection.Replayed, "this message id has been received before");
            }
            return new OpenedItem(new OpenedMessage(h, payload, kid, hash), null, hash);
        }
        catch (EnvelopeRejectedException e)
        {
            return new OpenedItem(null, e, hash);
        }
    }

    private static (EnvelopeHeader Header, string Kid, string? ContentType) ReadOuter(string envelope)
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
            return (EnvelopeHeader.ReadFrom(header), kid, header.String("cty"));
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

    private (EnvelopeHeader Header, string Kid, byte[] Payload) VerifyInner(string jws, Peer sender, DateTimeOffset now, string? fallbackId)
    {
        JsonElement header;
        EnvelopeHeader h;
        string kid;
        try
        {
            header = CompactHeader.Read(jws, 3);
            kid = header.String("kid") ?? throw new FormatException("no kid in the signed message");
            h = EnvelopeHeader.ReadFrom(header);
        }
        catch (FormatException e)
        {
            throw new EnvelopeRejectedException(EnvelopeRejection.Malformed, fallbackId, sender.NodeId, e.Message);
        }
        EnvelopeRejectedException Reject(EnvelopeRejection r, string detail) => new(r, h.MessageId, h.Sender, detail);
        // The kid is the sender's claim until the signature verifies: only echo it if it looks like one.
        var shownKid = EnvelopeHeader.IsSafeId(kid) ? kid : "(malformed kid)";
        if (header.String("alg") != PublicJwk.SigningAlg)
        {
            throw Reject(EnvelopeRejection.UnsupportedAlgorithm, "the signature is not ES256");
        }
        if (sender.Descriptor.IsRevoked(kid))
        {
            throw Reject(EnvelopeRejection.RevokedKey, $"signed with revoked key {shownKid}");
        }
        var key = sender.Descriptor.VerifyingKey(kid, now, options.ClockSkew)
                  ?? throw Reject(EnvelopeRejection.UnknownSigningKey, $"key {shownKid} is not a usable signing key of the sender");
        try
        {
            using var verifier = PublicKeyPool.Verifier(key);
            return (h, kid, JWT.VerifyBytes(jws, verifier.Key, JwsAlgorithm.ES256));
        }
        catch (Exception e) when (e is JoseException or CryptographicException or ArgumentException or FormatException)
        {
            throw Reject(EnvelopeRejection.BadSignature, "the signature does not verify");
        }
    }
}
