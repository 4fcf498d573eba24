using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Storage.Exchange;

/// <summary>
/// A ledger entry this node owes for a message it received — or for a case message one of its own users
/// sent (<see cref="Actor"/> set). The handler (or the sending desk) writes it inside the business
/// transaction, so it exists if and only if the message took effect; after the commit it is
/// journalled and deleted. A row still here after a crash is journalled by the next pass (at start).
/// <see cref="ClaimedUntil"/> keeps two passes (two replicas) off the same row; a claim that lapses
/// (its pass died) makes the row due again.
/// </summary>
public sealed class InboundJournalRow
{
    public long Id { get; set; }
    /// <summary>The node the message came from; for an own act, this node.</summary>
    public required string Sender { get; set; }
    /// <summary>Who the entry names as actor when it is not the sending peer: the local user of an own act.</summary>
    public string? Actor { get; set; }
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
        e.Property(x => x.Actor).HasColumnName("actor").HasMaxLength(256);
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
