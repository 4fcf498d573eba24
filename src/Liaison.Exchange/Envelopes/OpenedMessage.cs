namespace Liaison.Exchange.Envelopes;

/// <summary>
/// A message that passed every check: authenticated header, payload, the sender key that signed it,
/// and the hash of the envelope as received (for the receipt).
/// </summary>
public sealed record OpenedMessage(EnvelopeHeader Header, byte[] Payload, string SignerKid, string EnvelopeHash);
