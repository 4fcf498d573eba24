namespace Liaison.Exchange.Envelopes;

/// <summary>
/// A message that passed every check: authenticated header, payload, the sender key that signed it,
/// and the SHA-256 of its signed form (the inner JWS), which receipts and the duplicate filter name.
/// </summary>
public sealed record OpenedMessage(EnvelopeHeader Header, byte[] Payload, string SignerKid, string MessageHash);
