using Liaison.Exchange.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Storage.Exchange;

/// <summary>
/// One row of <c>exchange_inbox</c>: a message from a peer whose effect was committed in the same
/// transaction. The primary key (sender, message id) is the duplicate filter; the row is kept until
/// the message expires (plus the clock skew), after which the envelope's expiry check refuses it anyway.
/// </summary>
public sealed class InboxRow
{
    public required string Sender { get; set; }
    public required string MessageId { get; set; }
    public required string Type { get; set; }
    public required string MessageHash { get; set; }
    public required DateTimeOffset ReceivedAt { get; set; }
    public required DateTimeOffset Expires { get; set; }

    internal static InboxRow From(InboxEntry e) => new()
    {
        Sender = e.Sender, MessageId = e.MessageId, Type = e.Type, MessageHash = e.MessageHash,
        ReceivedAt = e.ReceivedAt.ToUniversalTime(), Expires = e.Expires.ToUniversalTime(),
    };

    internal InboxEntry ToEntry() => new(Sender, MessageId, Type, MessageHash, ReceivedAt, Expires);
}

internal sealed class InboxRowConfiguration : IEntityTypeConfiguration<InboxRow>
{
    public void Configure(EntityTypeBuilder<InboxRow> e)
    {
        e.ToTable("exchange_inbox");
        e.HasKey(x => new { x.Sender, x.MessageId });
        e.Property(x => x.Sender).HasColumnName("sender").HasMaxLength(128);
        e.Property(x => x.MessageId).HasColumnName("message_id").HasMaxLength(128);
        e.Property(x => x.Type).HasColumnName("type").HasMaxLength(128);
        e.Property(x => x.MessageHash).HasColumnName("message_hash").HasMaxLength(64);
        e.Property(x => x.ReceivedAt).HasColumnName("received_at");
        e.Property(x => x.Expires).HasColumnName("expires");
        e.HasIndex(x => x.Expires).HasDatabaseName("ix_exchange_inbox_expires");
    }
}
