using Liaison.Core.Markings;

namespace Liaison.Node.Exchange;

/// <summary>
/// A message from a peer that passed every check of the envelope (known, unexpired, unrevoked sender
/// key; signature; recipient; expiry and clock skew; size; not a replay) and has not taken effect
/// before. What an <see cref="IInboundMessageHandler"/> acts on.
/// </summary>
/// <param name="Sender">The peer's node id, authenticated by its signature.</param>
/// <param name="MessageId">Unique per sender; the inbox remembers it until <paramref name="Expires"/> plus the clock skew.</param>
/// <param name="Type">The message type the sender put in the signed header, e.g. <c>case.message</c>.</param>
/// <param name="CaseReference">The case the sender says it belongs to (the sender's reference), if any.</param>
/// <param name="Handling">The handling codes of the whole message, from the signed header.</param>
/// <param name="Tlp">The TLP of the whole message, from the signed header.</param>
/// <param name="Payload">The payload bytes exactly as signed (JSON for every type Liaison defines).</param>
/// <param name="SignerKid">
/// The id of the sender's signing key that verified the message — during a rotation's overlap the previous
/// key, not necessarily the sender's current one. Handlers that check who signed (a provider's screening of
/// a requesting authority) check this key.
/// </param>
public sealed record InboundMessage(
    string Sender, string MessageId, string Type, string? CaseReference, HandlingCodes Handling, Tlp Tlp,
    DateTimeOffset Created, DateTimeOffset Expires, ReadOnlyMemory<byte> Payload, string SignerKid);
