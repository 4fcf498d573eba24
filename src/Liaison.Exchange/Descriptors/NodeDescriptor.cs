using Liaison.Exchange.Identity;

namespace Liaison.Exchange.Descriptors;

/// <summary>
/// What a node says about itself to its peers: who it is, where it is reached, its public keys
/// (current and those still inside a rotation overlap), the key ids it has revoked, and the period
/// during which this statement holds. Always travels signed, see <see cref="SignedNodeDescriptor"/>.
/// </summary>
public sealed record NodeDescriptor
{
    public const string CurrentFormat = "liaison-node-descriptor/1";

    public string Format { get; init; } = CurrentFormat;
    public required string NodeId { get; init; }
    public required string Agency { get; init; }
    public required string Jurisdiction { get; init; }
    public required Uri Endpoint { get; init; }
    public required DateTimeOffset IssuedAt { get; init; }
    public required DateTimeOffset NotBefore { get; init; }
    public required DateTimeOffset NotAfter { get; init; }
    public required IReadOnlyList<DescribedKey> Keys { get; init; }
    public IReadOnlyList<string> Revoked { get; init; } = [];

    public NodeProfile Profile => new(NodeId, Agency, Jurisdiction, Endpoint);

    /// <summary>The signing key that signs the descriptor itself and every new message.</summary>
    public PublicJwk CurrentSigningKey => Current("sig");

    /// <summary>The key peers encrypt new messages to.</summary>
    public PublicJwk CurrentEncryptionKey => Current("enc");

    public bool IsRevoked(string kid) => Revoked.Contains(kid, StringComparer.Ordinal);

    /// <summary>The signing key with id <paramref name="kid"/> if it may verify at <paramref name="now"/>: listed, usable, not revoked.</summary>
    public PublicJwk? VerifyingKey(string kid, DateTimeOffset now, TimeSpan skew) =>
        IsRevoked(kid) ? null
        : Keys.FirstOrDefault(k => k.Jwk.Use == "sig" && string.Equals(k.Jwk.Kid, kid, StringComparison.Ordinal) && k.IsUsableAt(now, skew))?.Jwk;

    private PublicJwk Current(string use) =>
        Keys.SingleOrDefault(k => k.Jwk.Use == use && k.Status == KeyStatus.Current)?.Jwk
        ?? throw new DescriptorRejectedException(DescriptorRejection.Malformed, NodeId, $"no single current '{use}' key");
}
