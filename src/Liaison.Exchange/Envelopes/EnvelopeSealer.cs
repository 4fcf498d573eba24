using System.Text.Json;
using Jose;
using Liaison.Core.Markings;
using Liaison.Exchange.Identity;
using Liaison.Exchange.Peers;

namespace Liaison.Exchange.Envelopes;

/// <summary>
/// Sign, then encrypt. A message is signed as a compact JWS (ES256, by the node's current signing
/// key) with the routing fields in its protected header (<see cref="Sign"/>); for transmission it
/// becomes the plaintext of a compact JWE (ECDH-ES+A256KW, A256GCM) to the recipient's current
/// encryption key, whose protected header repeats the routing fields so a router need not decrypt
/// (<see cref="Encrypt"/>). Several signed messages to one peer can share one JWE
/// (<see cref="EncryptBatch"/>), which saves the key agreement per message.
/// </summary>
public sealed class EnvelopeSealer(NodeIdentity identity, TimeProvider time, ExchangeOptions options)
{
    internal const string JweType = "liaison-envelope+jwe";
    internal const string JwsType = "liaison-message+jws";
    internal const string BatchContentType = "liaison-batch+json";
    public const string BatchType = "batch";

    /// <summary>Signs and encrypts in one go.</summary>
    public SealedEnvelope Seal(OutgoingMessage message, Peer recipient) => Encrypt(Sign(message, recipient), recipient);

    /// <summary>
    /// Signs without encrypting. What the outbox stores; also, sent as it is, the form of receipts
    /// (ids, a hash and a time: nothing confidential), which anyone holding the sender's public key
    /// can verify, e.g. an auditor reading the ledger.
    /// </summary>
    public SignedMessage Sign(OutgoingMessage message, Peer recipient)
    {
        var header = HeaderFor(message, recipient);
        return new SignedMessage(header, SignPayload(header, message.Payload.Span, identity.SigningKey));
    }

    /// <summary>One signed message in a JWE to the recipient's current encryption key, its header repeated outside.</summary>
    public SealedEnvelope Encrypt(SignedMessage message, Peer recipient)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(recipient);
        EnsureAddressedTo(message.Header, recipient);
        return new SealedEnvelope(message.Header, EncryptTo(message.Header, message.Jws, JwsType, recipient.Descriptor.CurrentEncryptionKey));
    }

    /// <summary>
    /// Several signed messages to one peer in one JWE: the plaintext is a JSON array of their
    /// compact JWSs; the outer header is the batch's own (type "batch", a fresh id, the latest
    /// expiry, the narrowest marking of its messages). Each message keeps its own signature and header.
    /// </summary>
    public SealedEnvelope EncryptBatch(IReadOnlyList<SignedMessage> messages, Peer recipient)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentOutOfRangeException.ThrowIfZero(messages.Count);
        foreach (var m in messages)
        {
            EnsureAddressedTo(m.Header, recipient);
        }
        var created = DateTimeOffset.FromUnixTimeSeconds(time.GetUtcNow().ToUnixTimeSeconds());
        var latest = messages.Max(m => m.Header.Expires);
        var expires = latest > created ? (latest - created > options.MaxMessageLifetime ? created + options.MaxMessageLifetime : latest)
            : created + TimeSpan.FromMinutes(1);
        var header = new EnvelopeHeader(Guid.CreateVersion7(created).ToString("n"), identity.NodeId, recipient.NodeId, created, expires,
            BatchType, null, messages.Aggregate(HandlingCodes.None, (h, m) => h | m.Header.Handling),
            messages.Aggregate(Tlp.Clear, (t, m) => TlpExtensions.Narrowest(t, m.Header.Tlp)));
        var plaintext = JsonSerializer.Serialize(messages.Select(m => m.Jws));
        return new SealedEnvelope(header, EncryptTo(header, plaintext, BatchContentType, recipient.Descriptor.CurrentEncryptionKey));
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

    private static void EnsureAddressedTo(EnvelopeHeader header, Peer recipient)
    {
        if (!string.Equals(header.Recipient, recipient.NodeId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"message {header.MessageId} is addressed to another node than the peer given", nameof(recipient));
        }
    }

    /// <summary>Signs and encrypts with an explicit header and keys; tests use it to build envelopes a correct sender would not.</summary>
    internal static SealedEnvelope Seal(EnvelopeHeader header, ReadOnlySpan<byte> payload, NodeKey signer, PublicJwk recipientKey) =>
        new(header, EncryptTo(header, SignPayload(header, payload, signer), JwsType, recipientKey));

    internal static string EncryptTo(EnvelopeHeader header, string plaintext, string contentType, PublicJwk recipientKey)
    {
        var outerHeader = new Dictionary<string, object> { ["kid"] = recipientKey.Kid, ["typ"] = JweType, ["cty"] = contentType };
        header.WriteTo(outerHeader);
        using var recipient = PublicKeyPool.Agreement(recipientKey);
        return JWT.Encode(plaintext, recipient.Key, JweAlgorithm.ECDH_ES_A256KW, JweEncryption.A256GCM, extraHeaders: outerHeader);
    }

    internal static string SignPayload(EnvelopeHeader header, ReadOnlySpan<byte> payload, NodeKey signer)
    {
        var signedHeader = new Dictionary<string, object> { ["kid"] = signer.Kid, ["typ"] = JwsType };
        header.WriteTo(signedHeader);
        return JWT.EncodeBytes(payload.ToArray(), signer.Signer, JwsAlgorithm.ES256, signedHeader);
    }
}
