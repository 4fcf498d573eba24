using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Storage.Federation;

/// <summary>
/// The one-to-one linkage of two participants of a run, computed once when the last of them uploaded:
/// how much work it took and the links (opaque record references and scores, in the hub's binary form).
/// Each participant is answered only the links involving its own records.
/// </summary>
public sealed class LinkageResultRow
{
    public required string Run { get; set; }
    public required string PartyA { get; set; }
    public required string PartyB { get; set; }
    public int LinkCount { get; set; }
    public long Comparisons { get; set; }
    public long CandidatePairs { get; set; }
    public DateTimeOffset LinkedAt { get; set; }
    public required byte[] Links { get; set; }
}

internal sealed class LinkageResultConfiguration : IEntityTypeConfiguration<LinkageResultRow>
{
    public void Configure(EntityTypeBuilder<LinkageResultRow> e)
    {
        e.ToTable("linkage_results");
        e.HasKey(x => new { x.Run, x.PartyA, x.PartyB });
        e.Property(x => x.Run).HasColumnName("run").HasMaxLength(64);
        e.Property(x => x.PartyA).HasColumnName("party_a").HasMaxLength(64);
        e.Property(x => x.PartyB).HasColumnName("party_b").HasMaxLength(64);
        e.Property(x => x.LinkCount).HasColumnName("link_count");
        e.Property(x => x.Comparisons).HasColumnName("comparisons");
        e.Property(x => x.CandidatePairs).HasColumnName("candidate_pairs");
        e.Property(x => x.LinkedAt).HasColumnName("linked_at");
        e.Property(x => x.Links).HasColumnName("links");
    }
}
