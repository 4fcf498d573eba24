using System.Text.Json;

namespace Liaison.Exchange.Envelopes;

public sealed partial class EnvelopeOpener
{
    /// <summary>
    /// Verifies a signed-only message (a compact JWS from <see cref="EnvelopeSealer.Sign"/>, used for
    /// receipts) with the same checks as <see cref="OpenAsync"/> minus decryption and the replay
    /// check: size, shape, ES256, recipient, known sender with a valid descriptor, times, and a
    /// signature by a usable, unrevoked key of the sender. Callers must check the message type.
    /// </summary>
    public async Task<OpenedMessage> VerifySignedAsync(string signedMessage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signedMessage);
        if (signedMessage.Length > options.MaxEnvelopeBytes)
        {
            throw new EnvelopeRejectedException(EnvelopeRejection.Oversize, null, null, $"larger than {options.MaxEnvelopeBytes} bytes");
        }
        EnvelopeHeader h;
        try
        {
            h = EnvelopeHeader.ReadFrom(CompactHeader.Read(signedMessage, 3));
        }
        catch (FormatException e)
        {
            throw new EnvelopeRejectedException(EnvelopeRejection.Malformed, null, null, e.Message);
        }
        EnvelopeRejectedException Reject(EnvelopeRejection r, string detail) => new(r, h.MessageId, h.Sender, detail);

        if (!string.Equals(h.Recipient, identity.NodeId, StringComparison.Ordinal))
        {
            throw Reject(EnvelopeRejection.WrongRecipient, "addressed to another node");
        }
        var now = time.GetUtcNow();
        var sender = await peers.FindAsync(h.Sender, cancellationToken) ?? throw Reject(EnvelopeRejection.UnknownSender, "the sender is not a peer");
        if (now - options.ClockSkew >= sender.Descriptor.NotAfter)
        {
            throw Reject(EnvelopeRejection.SenderDescriptorExpired, "the sender's descriptor has expired");
        }
        CheckTimes(h, now, Reject);
        var (_, kid, payload) = VerifyInner(signedMessage, sender, now, h.MessageId);
        return new OpenedMessage(h, payload, kid, SealedEnvelope.HashOf(signedMessage));
    }
}
