using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Storage.Federation;

/// <summary>
/// One numbered part of a participant's chunked upload to a linkage run (<c>linkage_upload_parts</c>):
/// what the first part announced (how many parts, how many CLKs, the SHA-256 of the whole set), this
/// part's own CLK count and digest, and its CLKs until the last part completes the upload. Then the
/// hub joins the parts into one <see cref="LinkageUploadRow"/> and drops each part's CLKs, keeping the
/// digests so a part sent again is recognised as a harmless repeat.
/// </summary>
public sealed class LinkageUploadPartRow
{
    public required string Run { get; set; }
    public required string Participant { get; set; }

    /// <summary>1-based; parts arrive in order.</summary>
    public int Part { get; set; }

    public int Parts { get; set; }
    public int TotalClks { get; set; }

    /// <summary>SHA-256 (hex) of the whole set of CLKs, as the first part announced it.</summary>
    public required string SetDigest { get; set; }

    public int ClkCount { get; set; }

    /// <summary>SHA-256 (hex) of this part's CLKs as sent: tells a repeat from a different part of the same number.</summary>
    public required string PartDigest { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
    public byte[]? Clks { get; set; }
}

internal sealed class LinkageUploadPartConfiguration : IEntityTypeConfiguration<LinkageUploadPartRow>
{
    public void Configure(EntityTypeBuilder<LinkageUploadPartRow> e)
    {
        e.ToTable("linkage_upload_parts");
        e.HasKey(x => new { x.Run, x.Participant, x.Part });
        e.Property(x => x.Run).HasColumnName("run").HasMaxLength(64);
        e.Property(x => x.Participant).HasColumnName("participant").HasMaxLength(64);
        e.Property(x => x.Part).HasColumnName("part");
        e.Property(x => x.Parts).HasColumnName("parts");
        e.Property(x => x.TotalClks).HasColumnName("total_clks");
        e.Property(x => x.SetDigest).HasColumnName("set_digest").HasMaxLength(64);
        e.Property(x => x.ClkCount).HasColumnName("clk_count");
        e.Property(x => x.PartDigest).HasColumnName("part_digest").HasMaxLength(64);
        e.Property(x => x.ReceivedAt).HasColumnName("received_at");
        e.Property(x => x.Clks).HasColumnName("clks");
    }
}
