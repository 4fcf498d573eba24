using Liaison.Core.Markings;

namespace Liaison.Exchange.Envelopes;

/// <summary>What a caller wants sent: type, case, markings and the payload bytes; the sealer adds ids, times and keys.</summary>
public sealed record OutgoingMessage(
    string Recipient, string Type, ReadOnlyMemory<byte> Payload, string? CaseReference = null,
    HandlingCodes Handling = HandlingCodes.H0, Tlp Tlp = Tlp.Amber, TimeSpan? Lifetime = null, string? MessageId = null);
