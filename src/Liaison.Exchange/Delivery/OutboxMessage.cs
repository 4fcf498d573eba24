namespace Liaison.Exchange.Delivery;

/// <summary>
/// One row of the outbox: a sealed envelope waiting for, or done with, delivery. Written in the
/// same transaction as the business change that caused it, so a message exists if and only if the
/// change was committed.
/// </summary>
public sealed record OutboxMessage
{
    /// <summary>The envelope's message id (unique per sender, so it is the key).</summary>
    public required string Id { get; init; }
    public required string Recipient { get; init; }
    public required string Type { get; init; }
    public string? CaseReference { get; init; }
    /// <summary>The compact JWE, sealed once: retries resend the same bytes, which is what lets the receiver drop duplicates.</summary>
    public required string Envelope { get; init; }
    public required string EnvelopeHash { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset Expires { get; init; }
    public OutboxState State { get; init; } = OutboxState.Pending;
    public int Attempts { get; init; }
    public required DateTimeOffset NextAttemptAt { get; init; }
    /// <summary>Why the last attempt failed (a reason code and message ids only, never payload).</summary>
    public string? LastError { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
    /// <summary>The recipient's signed receipt (a compact JWE), kept as proof of delivery.</summary>
    public string? Receipt { get; init; }

    public static OutboxMessage For(Envelopes.SealedEnvelope sealedEnvelope, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sealedEnvelope);
        var h = sealedEnvelope.Header;
        return new OutboxMessage
        {
            Id = h.MessageId,
            Recipient = h.Recipient,
            Type = h.Type,
            CaseReference = h.CaseReference,
            Envelope = sealedEnvelope.Compact,
            EnvelopeHash = sealedEnvelope.Hash,
            CreatedAt = now,
            Expires = h.Expires,
            NextAttemptAt = now,
        };
    }
}
