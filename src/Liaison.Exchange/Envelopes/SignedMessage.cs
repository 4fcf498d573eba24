namespace Liaison.Exchange.Envelopes;

/// <summary>
/// A message signed by its sender (compact JWS, ES256, routing fields in the protected header),
/// not yet encrypted. This is what the outbox keeps: it is signed once, so every retry carries the
/// same bytes and the same <see cref="Hash"/>, and it is encrypted at each attempt to the
/// recipient's encryption key as known then — a recipient that rotated its keys during an outage
/// still receives it.
/// </summary>
public sealed record SignedMessage(EnvelopeHeader Header, string Jws)
{
    /// <summary>SHA-256 (hex) of the JWS: what receipts and the duplicate filter name.</summary>
    public string Hash => SealedEnvelope.HashOf(Jws);

    /// <summary>Reads back a JWS this node signed and stored (no verification: it never left the node).</summary>
    public static SignedMessage FromStored(string jws) => new(EnvelopeHeader.ReadFrom(CompactHeader.Read(jws, 3)), jws);
}
