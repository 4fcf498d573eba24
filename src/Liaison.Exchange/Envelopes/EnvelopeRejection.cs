namespace Liaison.Exchange.Envelopes;

/// <summary>Why an incoming envelope was refused, in the order the checks run (see docs/protocol.md, "Validation order").</summary>
public enum EnvelopeRejection
{
    /// <summary>Larger than <see cref="ExchangeOptions.MaxEnvelopeBytes"/>; refused before parsing.</summary>
    Oversize,
    /// <summary>Not a compact JWE/JWS of the expected shape, or a header field is missing or mistyped.</summary>
    Malformed,
    /// <summary>Anything but ECDH-ES+A256KW/A256GCM outside and ES256 inside, or compression requested.</summary>
    UnsupportedAlgorithm,
    /// <summary>Addressed to another node.</summary>
    WrongRecipient,
    /// <summary>The sender is not in the peer directory.</summary>
    UnknownSender,
    /// <summary>The sender's descriptor is past its validity period.</summary>
    SenderDescriptorExpired,
    /// <summary>Past its expiry (beyond the clock-skew tolerance).</summary>
    Expired,
    /// <summary>Created further in the future than the clock-skew tolerance, or claims a lifetime over the maximum.</summary>
    InvalidLifetime,
    /// <summary>Encrypted to a key of ours that is unknown, retired or revoked.</summary>
    UnknownRecipientKey,
    /// <summary>The ciphertext, tag, IV, wrapped key or protected header was altered.</summary>
    DecryptionFailed,
    /// <summary>Signed by a key the sender's descriptor does not list as usable now (e.g. after the rotation overlap).</summary>
    UnknownSigningKey,
    /// <summary>Signed by a key the sender has revoked.</summary>
    RevokedKey,
    /// <summary>The signature does not verify.</summary>
    BadSignature,
    /// <summary>The routing fields of the signed inner message differ from the outer ones.</summary>
    HeaderMismatch,
    /// <summary>This message id from this sender has been seen before.</summary>
    Replayed,
    /// <summary>Passed every check, but the recipient cannot act on it (unknown type, unreadable payload, unknown case): see <see cref="Delivery.MessageRefusedException"/>.</summary>
    Unprocessable,
}

/// <summary>What a sender should do about a refusal.</summary>
public static class EnvelopeRejectionExtensions
{
    /// <summary>
    /// True for refusals that heal once the two nodes have each other's current descriptors (the
    /// peer has not added us yet, or holds an old descriptor of ours, or we hold an old one of
    /// theirs): retry those. Every other refusal will recur on retry: dead-letter the message.
    /// The HTTP transport should use this to decide <see cref="Delivery.MessageTransportException.Permanent"/>.
    /// </summary>
    public static bool CanHeal(this EnvelopeRejection reason) =>
        reason is EnvelopeRejection.UnknownSender or EnvelopeRejection.SenderDescriptorExpired
            or EnvelopeRejection.UnknownSigningKey or EnvelopeRejection.UnknownRecipientKey;
}
