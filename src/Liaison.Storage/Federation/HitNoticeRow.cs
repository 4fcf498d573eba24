using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Storage.Federation;

/// <summary>
/// One hit/no-hit run as this node saw it — as querier (which peer, how many asked, how many hit) or as
/// holder (which peer asked, how many; the holder never learns the match count). Counts only: no
/// identifier value and nothing of the peer's records is stored; the hits themselves are the ledger's
/// <c>hit</c> entries (this node's record ids). The web UI's run history reads this table.
/// </summary>
public sealed class HitNoticeRow
{
    public long Id { get; set; }

    /// <summary>"querier" or "holder".</summary>
    public required string Role { get; set; }

    /// <summary>The case the run belongs to: the querier's case id, or <c>peer:case-ref</c> at the holder.</summary>
    public required string CaseId { get; set; }
    public required string PeerId { get; set; }
    public Guid SessionId { get; set; }

    /// <summary>"intersection" or "cardinality".</summary>
    public required string Mode { get; set; }

    /// <summary>Comma-separated identifier kinds asked (phone,email …).</summary>
    public required string Kinds { get; set; }
    public required string Purpose { get; set; }

    /// <summary>The user who ran it (querier) or <c>peer:node-id</c> (holder).</summary>
    public required string Actor { get; set; }
    public int Asked { get; set; }

    /// <summary>Identifiers that hit; null at the holder, which cannot know.</summary>
    public int? MatchCount { get; set; }

    /// <summary>Size of the holder's answering set (the protocol discloses it to the querier).</summary>
    public int PeerSetSize { get; set; }

    /// <summary>Handling codes and TLP of the peer's answer (querier) or of this node's answer (holder).</summary>
    public required string Handling { get; set; }
    public required string Tlp { get; set; }
    public DateTimeOffset RunAt { get; set; }
}

internal sealed class HitNoticeConfiguration : IEntityTypeConfiguration<HitNoticeRow>
{
    public void Configure(EntityTypeBuilder<HitNoticeRow> e)
    {
        e.ToTable("hit_notices");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id");
        e.Property(x => x.Role).HasColumnName("role").HasMaxLength(16);
        e.Property(x => x.CaseId).HasColumnName("case_id").HasMaxLength(300);
        e.Property(x => x.PeerId).HasColumnName("peer_id").HasMaxLength(64);
        e.Property(x => x.SessionId).HasColumnName("session_id");
        e.Property(x => x.Mode).HasColumnName("mode").HasMaxLength(16);
        e.Property(x => x.Kinds).HasColumnName("kinds").HasMaxLength(200);
        e.Property(x => x.Purpose).HasColumnName("purpose").HasMaxLength(200);
        e.Property(x => x.Actor).HasColumnName("actor").HasMaxLength(200);
        e.Property(x => x.Asked).HasColumnName("asked");
        e.Property(x => x.MatchCount).HasColumnName("match_count");
        e.Property(x => x.PeerSetSize).HasColumnName("peer_set_size");
        e.Property(x => x.Handling).HasColumnName("handling").HasMaxLength(100);
        e.Property(x => x.Tlp).HasColumnName("tlp").HasMaxLength(20);
        e.Property(x => x.RunAt).HasColumnName("run_at");
        e.HasIndex(x => new { x.CaseId, x.RunAt });
        e.HasIndex(x => x.SessionId);
    }
}
