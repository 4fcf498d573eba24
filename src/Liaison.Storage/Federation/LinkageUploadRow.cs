using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Storage.Federation;

/// <summary>
/// One participant's upload to a linkage run: how many CLKs, when, and the CLKs themselves (filters,
/// opaque record references and keyed blocking keys, in the hub's binary form). The CLKs are dropped
/// (<see cref="Clks"/> set to null) as soon as the run is linked: the hub keeps only what it must answer.
/// </summary>
public sealed class LinkageUploadRow
{
    public required string Run { get; set; }
    public required string Participant { get; set; }
    public int ClkCount { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
    public byte[]? Clks { get; set; }
}

internal sealed class LinkageUploadConfiguration : IEntityTypeConfiguration<LinkageUploadRow>
{
    public void Configure(EntityTypeBuilder<LinkageUploadRow> e)
    {
        e.ToTable("linkage_uploads");
        e.HasKey(x => new { x.Run, x.Participant });
        e.Property(x => x.Run).HasColumnName("run").HasMaxLength(64);
        e.Property(x => x.Participant).HasColumnName("participant").HasMaxLength(64);
        e.Property(x => x.ClkCount).HasColumnName("clk_count");
        e.Property(x => x.UploadedAt).HasColumnName("uploaded_at");
        e.Property(x => x.Clks).HasColumnName("clks");
    }
}
