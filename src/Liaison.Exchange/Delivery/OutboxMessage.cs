using Liaison.Exchange.Envelopes;

namespace Liaison.Exchange.Delivery;

/// <summary>
/// One row of the outbox: a signed message waiting for, or done with, delivery. Written in the
/// same transaction as the business change that caused it, so a message exists if and only if the
/// change was committed. It is signed once, here; each attempt encrypts it afresh to the
/// recipient's current encryption key (alone, or in a batch with others to the same peer).
/// </summary>
public sealed record OutboxMessage
{
    /// <summary>The message id (unique per sender, so it is the key).</summary>
    public required string Id { get; init; }
    public required string Recipient { get; init; }
    public required string Type { get; init; }
    public string? CaseReference { get; init; }
    /// <summary>The compact JWS: retries resend the same bytes, which is what lets the receiver drop duplicates.</summary>
    public required string SignedMessage { get; init; }
    /// <summary>SHA-256 (hex) of <see cref="SignedMessage"/>, as the receipt must name it.</summary>
    public required string MessageHash { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset Expires { get; init; }
    public OutboxState State { get; init; } = OutboxState.Pending;
    public int Attempts { get; init; }
    public required DateTimeOffset NextAttemptAt { get; init; }
    /// <summary>Why the last attempt failed (a reason code and message ids only, never payload).</summary>
    public string? LastError { get; init; }
    public DateTimeOffset? DeliveredAt { get; init; }
    /// <summary>The recipient's signed receipt (a compact JWS) that lists this message, kept as proof of delivery.</summary>
    public string? Receipt { get; init; }

    public static OutboxMessage For(SignedMessage message, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(message);
        var h = message.Header;
        return new OutboxMessage
        {
            Id = h.MessageId,
            Recipient = h.Recipient,
            Type = h.Type,
            CaseReference = h.CaseReference,
            SignedMessage = message.Jws,
            MessageHash = message.Hash,
            CreatedAt = now,
            Expires = h.Expires,
            NextAttemptAt = now,
        };
    }
}
