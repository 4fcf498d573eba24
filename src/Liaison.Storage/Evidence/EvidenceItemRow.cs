using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Storage.Evidence;

/// <summary>
/// An evidence file held for a case. The bytes live content-addressed under the node's data folder
/// (<c>evidence/sha256/ab/abcd…</c>); this row says which case holds it, under which name and marking.
/// One file may be evidence in several cases: the key is (case, digest). The chain of custody is not
/// here but in the ledger, where it cannot be quietly rewritten.
/// </summary>
public sealed class EvidenceItemRow
{
    public required string CaseId { get; set; }

    /// <summary><c>sha256:&lt;hex&gt;</c>.</summary>
    public required string Digest { get; set; }
    public long Length { get; set; }

    /// <summary>The name the file came with (for the investigator; never used as a path).</summary>
    public required string FileName { get; set; }
    public required string MediaType { get; set; }

    /// <summary>The handling marking the evidence carries, e.g. "TLP:AMBER".</summary>
    public required string Tlp { get; set; }
    public required string AddedBy { get; set; }
    public DateTimeOffset AddedAt { get; set; }

    /// <summary>Ledger index of the custody step that brought the file into this case.</summary>
    public long LedgerIndex { get; set; }

    /// <summary>
    /// Last day the case keeps the file (the policy's <c>evidence</c> period from <see cref="AddedAt"/>);
    /// null until the first retention pass. Past it the item is on the DPO's review list, then purged
    /// (file and row; the custody trail stays in the ledger with a <c>purged</c> step).
    /// </summary>
    public DateOnly? ReviewDate { get; set; }
}

internal sealed class EvidenceItemRowConfiguration : IEntityTypeConfiguration<EvidenceItemRow>
{
    public void Configure(EntityTypeBuilder<EvidenceItemRow> e)
    {
        e.ToTable("evidence_items");
        e.HasKey(x => new { x.CaseId, x.Digest });
        e.Property(x => x.CaseId).HasMaxLength(200);
        e.Property(x => x.Digest).HasMaxLength(71);
        e.HasIndex(x => x.Digest);
    }
}
