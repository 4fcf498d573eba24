using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Storage.Evidence;

/// <summary>
/// Where in the ledger the custody steps of an item are, so a trail is read from a handful of entries
/// rather than by scanning the whole log. Only an index: the steps themselves are read back from the
/// ledger entries (and a verifier ignores this table and scans).
/// </summary>
public sealed class CustodyIndexRow
{
    public long LedgerIndex { get; set; }
    public required string Digest { get; set; }
}

internal sealed class CustodyIndexRowConfiguration : IEntityTypeConfiguration<CustodyIndexRow>
{
    public void Configure(EntityTypeBuilder<CustodyIndexRow> e)
    {
        e.ToTable("evidence_custody");
        e.HasKey(x => x.LedgerIndex);
        e.Property(x => x.LedgerIndex).ValueGeneratedNever();
        e.Property(x => x.Digest).HasMaxLength(71);
        e.HasIndex(x => x.Digest);
    }
}
