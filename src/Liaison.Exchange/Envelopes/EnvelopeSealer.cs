using Jose;
using Liaison.Exchange.Identity;
using Liaison.Exchange.Peers;

namespace Liaison.Exchange.Envelopes;

/// <summary>
/// Seals messages: sign, then encrypt. The payload is signed as a compact JWS (ES256, by the
/// node's current signing key) with the routing fields in its protected header; that JWS is then
/// the plaintext of a compact JWE (ECDH-ES+A256KW, A256GCM) to the recipient's current encryption
/// key, whose protected header repeats the routing fields so a router need not decrypt.
/// </summary>
public sealed class EnvelopeSealer(NodeIdentity identity, TimeProvider time, ExchangeOptions options)
{
    internal const string JweType = "liaison-envelope+jwe";
    internal const string JwsType = "liaison-message+jws";

    public SealedEnvelope Seal(OutgoingMessage message, Peer recipient) =>
        Seal(HeaderFor(message, recipient), message.Payload.Span, identity.SigningKey, recipient.Descriptor.CurrentEncryptionKey);

    /// <summary>
    /// Signs without encrypting: a compact JWS with the same header fields. Only for messages that
    /// carry nothing confidential — receipts (ids, a hash and a time) — which anyone holding the
    /// sender's public key can then verify, e.g. an auditor reading the ledger.
    /// </summary>
    public SealedEnvelope Sign(OutgoingMessage message, Peer recipient)
    {
        var header = HeaderFor(message, recipient);
        return new SealedEnvelope(header, SignPayload(header, message.Payload.Span, identity.SigningKey));
    }

    private EnvelopeHeader HeaderFor(OutgoingMessage message, Peer recipient)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(recipient);
        if (!string.Equals(message.Recipient, recipient.NodeId, StringComparison.Ordinal))
        {
            throw new ArgumentException("the message is addressed to another node than the peer given", nameof(recipient));
        }
        var lifetime = message.Lifetime ?? options.DefaultMessageLifetime;
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lifetime, options.MaxMessageLifetime, nameof(message));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero, nameof(message));
        var created = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().ToUnixTimeSeconds());
        return new EnvelopeHeader(
            message.MessageId ?? Guid.CreateVersion7(created).ToString("n"), identity.NodeId, recipient.NodeId, created,
            created + lifetime, message.Type, message.CaseReference, message.Handling, message.Tlp);
    }

    /// <summary>Seals with an explicit header and keys; tests use it to build envelopes a correct sender would not.</summary>
    internal static SealedEnvelope Seal(EnvelopeHeader header, ReadOnlySpan<byte> payload, NodeKey signer, PublicJwk recipientKey)
    {
        var jws = SignPayload(header, payload, signer);

        var outerHeader = new Dictionary<string, object> { ["kid"] = recipientKey.Kid, ["typ"] = JweType, ["cty"] = JwsType };
        header.WriteTo(outerHeader);
        using var recipient = PublicKeyPool.Agreement(recipientKey);
        var jwe = JWT.Encode(jws, recipient.Key, JweAlgorithm.ECDH_ES_A256KW, JweEncryption.A256GCM, extraHeaders: outerHeader);
        return new SealedEnvelope(header, jwe);
    }

    private static string SignPayload(EnvelopeHeader header, ReadOnlySpan<byte> payload, NodeKey signer)
    {
        var signedHeader = new Dictionary<string, object> { ["kid"] = signer.Kid, ["typ"] = JwsType };
        header.WriteTo(signedHeader);
        return JWT.EncodeBytes(payload.ToArray(), signer.Signer, JwsAlgorithm.ES256, signedHeader);
    }
}
