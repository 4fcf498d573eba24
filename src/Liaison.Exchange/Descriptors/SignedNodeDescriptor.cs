using System.Text.Json;
using System.Text.Json.Nodes;
using Jose;
using Liaison.Exchange.Envelopes;
using Liaison.Exchange.Identity;

namespace Liaison.Exchange.Descriptors;

/// <summary>
/// A node descriptor as it is exchanged (the file <c>liaison peer export</c> prints): a compact JWS
/// (ES256) of the descriptor JSON signed by the node's current signing key, endorsements — the
/// same payload signed by each previous signing key still in its overlap, which is how a peer
/// accepts a rotated key — plus a readable copy and the fingerprint, both for people only.
/// The JWS payload is authoritative; a readable copy that differs from it is refused.
/// </summary>
public sealed class SignedNodeDescriptor
{
    public const string FileFormat = "liaison-signed-node-descriptor/1";
    internal const string JwsType = "liaison-node-descriptor+jws";

    private SignedNodeDescriptor(NodeDescriptor descriptor, string jws, IReadOnlyList<string> endorsements)
    {
        Descriptor = descriptor;
        Jws = jws;
        Endorsements = endorsements;
    }

    public NodeDescriptor Descriptor { get; }
    public string Jws { get; }
    public IReadOnlyList<string> Endorsements { get; }
    public string NodeId => Descriptor.NodeId;

    /// <summary>The fingerprint of the signing key, for the operators to compare over the phone.</summary>
    public string Fingerprint => KeyFingerprint.Of(Descriptor.CurrentSigningKey);

    internal static SignedNodeDescriptor Sign(NodeDescriptor descriptor, NodeKey signer, IEnumerable<NodeKey> endorsers)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(descriptor, ExchangeJson.Options);
        return new SignedNodeDescriptor(descriptor, SignWith(payload, signer), endorsers.Select(e => SignWith(payload, e)).ToList());
    }

    private static string SignWith(byte[] payload, NodeKey key) =>
        JWT.EncodeBytes(payload, key.Signer, JwsAlgorithm.ES256, new Dictionary<string, object> { ["kid"] = key.Kid, ["typ"] = JwsType });

    /// <summary>Reads the exchanged form. Checks structure only: call <see cref="Verify"/> before trusting anything in it.</summary>
    public static SignedNodeDescriptor Parse(string json)
    {
        try
        {
            var file = JsonNode.Parse(json)?.AsObject() ?? throw new FormatException("empty");
            if (file["format"]?.GetValue<string>() != FileFormat)
            {
                throw new FormatException($"format is not {FileFormat}");
            }
            var jws = file["jws"]?.GetValue<string>() ?? throw new FormatException("no jws");
            CompactHeader.Read(jws, 3);
            var payload = JWT.PayloadBytes(jws);
            var descriptor = JsonSerializer.Deserialize<NodeDescriptor>(payload, ExchangeJson.Options) ?? throw new FormatException("empty payload");
            if (file["descriptor"] is { } readable && !JsonNode.DeepEquals(readable, JsonNode.Parse(payload)))
            {
                throw new FormatException("the readable copy differs from the signed descriptor");
            }
            var endorsements = file["endorsements"]?.AsArray().Select(e => e!.GetValue<string>()).ToList() ?? [];
            return new SignedNodeDescriptor(descriptor, jws, endorsements);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or JoseException or ArgumentException)
        {
            throw new DescriptorRejectedException(DescriptorRejection.Malformed, null, e.Message);
        }
    }

    public string ToJson()
    {
        var file = new JsonObject
        {
            ["format"] = FileFormat,
            ["fingerprint"] = Fingerprint,
            ["descriptor"] = JsonNode.Parse(JWT.PayloadBytes(Jws)),
            ["jws"] = Jws,
            ["endorsements"] = new JsonArray(Endorsements.Select(e => (JsonNode)JsonValue.Create(e)).ToArray()),
        };
        return file.ToJsonString(ExchangeJson.Indented);
    }

    /// <summary>
    /// Checks that the descriptor can be trusted as its node's own statement at <paramref name="now"/>:
    /// well-formed P-256 keys whose kids are their thumbprints, exactly one current signing and one
    /// current encryption key, signed by the current signing key (not revoked), inside its validity period.
    /// </summary>
    public void Verify(DateTimeOffset now, TimeSpan skew)
    {
        var d = Descriptor;
        if (d.Format != NodeDescriptor.CurrentFormat)
        {
            throw Rejected(DescriptorRejection.Malformed, $"format is not {NodeDescriptor.CurrentFormat}");
        }
        try
        {
            d.Profile.Validate();
        }
        catch (ArgumentException e)
        {
            throw Rejected(DescriptorRejection.Malformed, e.Message);
        }
        if (d.Keys.Any(k => !k.Jwk.IsSelfConsistent()))
        {
            throw Rejected(DescriptorRejection.Malformed, "a key is not P-256 with its RFC 7638 thumbprint as kid");
        }
        var signing = d.CurrentSigningKey;
        _ = d.CurrentEncryptionKey;
        if (d.IsRevoked(signing.Kid) || d.IsRevoked(d.CurrentEncryptionKey.Kid))
        {
            throw Rejected(DescriptorRejection.RevokedKey, "a current key is listed as revoked");
        }
        if (!SignatureVerifies(Jws, signing))
        {
            throw Rejected(DescriptorRejection.BadSignature, "the self-signature does not verify with the current signing key");
        }
        if (now + skew < d.NotBefore || now - skew >= d.NotAfter)
        {
            throw Rejected(DescriptorRejection.Expired, $"valid from {d.NotBefore:u} to {d.NotAfter:u}");
        }
    }

    /// <summary>True when the descriptor is signed or endorsed by <paramref name="key"/> (used to accept a key change of a known peer).</summary>
    public bool IsSignedOrEndorsedBy(PublicJwk key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var payload = JWT.PayloadBytes(Jws);
        return SignatureVerifies(Jws, key)
               || Endorsements.Any(e => SignatureVerifies(e, key) && JWT.PayloadBytes(e).AsSpan().SequenceEqual(payload));
    }

    private static bool SignatureVerifies(string jws, PublicJwk key)
    {
        try
        {
            var header = CompactHeader.Read(jws, 3);
            if (header.String("kid") != key.Kid || header.String("alg") != PublicJwk.SigningAlg)
            {
                return false;
            }
            using var ecdsa = key.ToECDsa();
            JWT.VerifyBytes(jws, ecdsa, JwsAlgorithm.ES256);
            return true;
        }
        catch (Exception e) when (e is JoseException or FormatException or System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    private DescriptorRejectedException Rejected(DescriptorRejection reason, string detail) => new(reason, Descriptor.NodeId, detail);
}
