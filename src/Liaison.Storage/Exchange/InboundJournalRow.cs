using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Storage.Exchange;

/// <summary>
/// A ledger entry this node owes for a message it received. The message's handler writes it inside
/// the inbox transaction, so it exists if and only if the message took effect; after the commit it is
/// journalled and deleted. A row still here after a crash is journalled by the next pass (at start).
/// <see cref="ClaimedUntil"/> keeps two passes (two replicas) off the same row; a claim that lapses
/// (its pass died) makes the row due again.
/// </summary>
public sealed class InboundJournalRow
{
    public long Id { get; set; }
    public required string Sender { get; set; }
    public required string MessageId { get; set; }
    public required string Action { get; set; }
    public required string Decision { get; set; }
    public string? CaseId { get; set; }
    public required string Detail { get; set; }
    public required DateTimeOffset QueuedAt { get; set; }
    public DateTimeOffset? ClaimedUntil { get; set; }
}

internal sealed class InboundJournalRowConfiguration : IEntityTypeConfiguration<InboundJournalRow>
{
    public void Configure(EntityTypeBuilder<InboundJournalRow> e)
    {
        e.ToTable("exchange_inbound_journal");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id").ValueGeneratedOnAdd();
        e.Property(x => x.Sender).HasColumnName("sender").HasMaxLength(128);
        e.Property(x => x.MessageId).HasColumnName("message_id").HasMaxLength(128);
        e.Property(x => x.Action).HasColumnName("action").HasMaxLength(64);
        e.Property(x => x.Decision).HasColumnName("decision").HasMaxLength(32);
        e.Property(x => x.CaseId).HasColumnName("case_id").HasMaxLength(400);
        e.Property(x => x.Detail).HasColumnName("detail");
        e.Property(x => x.QueuedAt).HasColumnName("queued_at");
        e.Property(x => x.ClaimedUntil).HasColumnName("claimed_until");
        // One entry per message and action: a handler that owes the same entry twice in one message owes it once.
        e.HasIndex(x => new { x.Sender, x.MessageId, x.Action }).IsUnique().HasDatabaseName("ix_exchange_inbound_journal_message");
    }
}
