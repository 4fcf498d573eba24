using Liaison.Exchange.Peers;

namespace Liaison.Exchange.Envelopes;

/// <summary>
/// An envelope that decrypted and came from a known peer: its outer header, the sender, and one
/// result per signed message inside — opened, or refused with its own reason (a batch is not
/// refused as a whole because one of its messages is).
/// </summary>
public sealed record OpenedEnvelope(EnvelopeHeader Outer, Peer Sender, bool IsBatch, IReadOnlyList<OpenedItem> Items);

/// <summary>One message of an envelope: <see cref="Message"/> when it passed, <see cref="Refusal"/> when it did not.</summary>
public sealed record OpenedItem(OpenedMessage? Message, EnvelopeRejectedException? Refusal, string? MessageHash)
{
    public string? MessageId => Message?.Header.MessageId ?? Refusal?.MessageId;
}
