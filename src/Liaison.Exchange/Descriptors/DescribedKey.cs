using Liaison.Exchange.Identity;

namespace Liaison.Exchange.Descriptors;

/// <summary>A public key as a descriptor lists it: the JWK, whether it is current or previous, and until when a previous one verifies.</summary>
public sealed record DescribedKey(PublicJwk Jwk, KeyStatus Status, DateTimeOffset? VerifiesUntil = null)
{
    /// <summary>Current, or previous with its overlap still running (allowing the clock skew).</summary>
    public bool IsUsableAt(DateTimeOffset now, TimeSpan skew) =>
        Status == KeyStatus.Current || (Status == KeyStatus.Previous && VerifiesUntil + skew > now);
}
