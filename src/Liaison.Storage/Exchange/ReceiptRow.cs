using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Storage.Exchange;

/// <summary>
/// One row of <c>exchange_receipts</c>: a peer's signed receipt (compact JWS) for one envelope, kept
/// once however many outbox rows it acknowledges (<see cref="OutboxRow.ReceiptId"/>). A batch receipt
/// lists every message of the envelope, so storing it in each of up to 64 rows wrote it 64 times.
/// </summary>
public sealed class ReceiptRow
{
    /// <summary>SHA-256 of the receipt text, lower-case hex: the same receipt is stored once.</summary>
    public required string Id { get; set; }

    public required string Receipt { get; set; }

    public required DateTimeOffset StoredAt { get; set; }
}

internal sealed class ReceiptRowConfiguration : IEntityTypeConfiguration<ReceiptRow>
{
    public void Configure(EntityTypeBuilder<ReceiptRow> e)
    {
        e.ToTable("exchange_receipts");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id").HasMaxLength(64);
        e.Property(x => x.Receipt).HasColumnName("receipt");
        e.Property(x => x.StoredAt).HasColumnName("stored_at");
    }
}
