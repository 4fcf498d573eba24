using Liaison.Exchange.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Storage.Exchange;

/// <summary>
/// One row of <c>exchange_outbox</c>: a signed message to a peer, pending, delivered (with the peer's
/// signed receipt) or dead-lettered (<c>state = 'dead'</c>: the dead-letter queue is this table's
/// dead rows, so an operator's retry is a state change and never a copy that could be sent twice).
/// </summary>
public sealed class OutboxRow
{
    public required string Id { get; set; }
    public required string Recipient { get; set; }
    public required string Type { get; set; }
    public string? CaseReference { get; set; }
    public required string SignedMessage { get; set; }
    public required string MessageHash { get; set; }
    public required DateTimeOffset CreatedAt { get; set; }
    public required DateTimeOffset Expires { get; set; }
    public required OutboxState State { get; set; }
    public int Attempts { get; set; }
    public required DateTimeOffset NextAttemptAt { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    /// <summary>The receipt of a row delivered before receipts had their own table (<see cref="ReceiptId"/> since).</summary>
    public string? Receipt { get; set; }

    /// <summary>The <see cref="ReceiptRow"/> of the envelope that delivered this message.</summary>
    public string? ReceiptId { get; set; }

    internal static OutboxRow From(OutboxMessage m) => new()
    {
        Id = m.Id, Recipient = m.Recipient, Type = m.Type, CaseReference = m.CaseReference, SignedMessage = m.SignedMessage,
        MessageHash = m.MessageHash, CreatedAt = m.CreatedAt.ToUniversalTime(), Expires = m.Expires.ToUniversalTime(), State = m.State,
        Attempts = m.Attempts, NextAttemptAt = m.NextAttemptAt.ToUniversalTime(), LastError = m.LastError,
        DeliveredAt = m.DeliveredAt?.ToUniversalTime(), Receipt = m.Receipt,
    };

    /// <param name="receipt">The text of <see cref="ReceiptId"/>'s receipt, when the caller loaded it.</param>
    internal OutboxMessage ToMessage(string? receipt = null) => new()
    {
        Id = Id, Recipient = Recipient, Type = Type, CaseReference = CaseReference, SignedMessage = SignedMessage, MessageHash = MessageHash,
        CreatedAt = CreatedAt, Expires = Expires, State = State, Attempts = Attempts, NextAttemptAt = NextAttemptAt, LastError = LastError,
        DeliveredAt = DeliveredAt, Receipt = Receipt ?? receipt,
    };
}

/// <summary>Maps <see cref="OutboxRow"/>; snake_case columns so the claim can be written in plain SQL.</summary>
internal sealed class OutboxRowConfiguration : IEntityTypeConfiguration<OutboxRow>
{
    public void Configure(EntityTypeBuilder<OutboxRow> e)
    {
        e.ToTable("exchange_outbox");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id").HasMaxLength(128);
        e.Property(x => x.Recipient).HasColumnName("recipient").HasMaxLength(128);
        e.Property(x => x.Type).HasColumnName("type").HasMaxLength(128);
        e.Property(x => x.CaseReference).HasColumnName("case_ref").HasMaxLength(256);
        e.Property(x => x.SignedMessage).HasColumnName("signed_message");
        e.Property(x => x.MessageHash).HasColumnName("message_hash").HasMaxLength(64);
        e.Property(x => x.CreatedAt).HasColumnName("created_at");
        e.Property(x => x.Expires).HasColumnName("expires");
        e.Property(x => x.State).HasColumnName("state").HasMaxLength(16).HasConversion(s => OutboxStates.Name(s), s => OutboxStates.Parse(s));
        e.Property(x => x.Attempts).HasColumnName("attempts");
        e.Property(x => x.NextAttemptAt).HasColumnName("next_attempt_at");
        e.Property(x => x.LastError).HasColumnName("last_error");
        e.Property(x => x.DeliveredAt).HasColumnName("delivered_at");
        e.Property(x => x.Receipt).HasColumnName("receipt");
        e.Property(x => x.ReceiptId).HasColumnName("receipt_id").HasMaxLength(64);
        // The claim's scan: pending rows by due time.
        e.HasIndex(x => new { x.State, x.NextAttemptAt }).HasDatabaseName("ix_exchange_outbox_state_due");
    }
}

/// <summary>The state names stored in <c>exchange_outbox.state</c>.</summary>
internal static class OutboxStates
{
    public const string Pending = "pending";
    public const string Delivered = "delivered";
    public const string Dead = "dead";

    public static string Name(OutboxState state) => state switch
    {
        OutboxState.Pending => Pending,
        OutboxState.Delivered => Delivered,
        OutboxState.Dead => Dead,
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };

    public static OutboxState Parse(string name) => name switch
    {
        Pending => OutboxState.Pending,
        Delivered => OutboxState.Delivered,
        Dead => OutboxState.Dead,
        _ => throw new FormatException($"exchange_outbox.state '{name}' is not pending, delivered or dead"),
    };
}
