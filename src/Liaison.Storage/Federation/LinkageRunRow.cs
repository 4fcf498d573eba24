using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Storage.Federation;

/// <summary>
/// A CLK linkage run at a node serving as linkage hub: the participants fixed by the first upload, the
/// schema every upload must share, and when it expires. Node ids and counts only — the hub never holds a
/// person's data or the CLK secret. Kept in the database so a restarted hub, or another replica on the
/// same PostgreSQL, still knows the run; deleted with its uploads and results once expired.
/// </summary>
public sealed class LinkageRunRow
{
    /// <summary>Insertion order: the oldest runs are dropped first when the hub holds too many.</summary>
    public long Id { get; set; }
    public required string Run { get; set; }

    /// <summary>Node ids, sorted, comma-separated.</summary>
    public required string Participants { get; set; }
    public required string SchemaFingerprint { get; set; }
    public int FilterBits { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When every participant had uploaded and the hub linked them; null before.</summary>
    public DateTimeOffset? LinkedAt { get; set; }
}

internal sealed class LinkageRunConfiguration : IEntityTypeConfiguration<LinkageRunRow>
{
    public void Configure(EntityTypeBuilder<LinkageRunRow> e)
    {
        e.ToTable("linkage_runs");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id");
        e.Property(x => x.Run).HasColumnName("run").HasMaxLength(64);
        e.Property(x => x.Participants).HasColumnName("participants").HasMaxLength(700);
        e.Property(x => x.SchemaFingerprint).HasColumnName("schema_fingerprint").HasMaxLength(200);
        e.Property(x => x.FilterBits).HasColumnName("filter_bits");
        e.Property(x => x.OpenedAt).HasColumnName("opened_at");
        e.Property(x => x.ExpiresAt).HasColumnName("expires_at");
        e.Property(x => x.LinkedAt).HasColumnName("linked_at");
        e.HasIndex(x => x.Run).IsUnique();
        e.HasIndex(x => x.ExpiresAt);
    }
}
