using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Storage.Resolution;

/// <summary>Maps <see cref="ResolutionDecisionRow"/> to <c>resolution_decisions</c>, read per case.</summary>
internal sealed class ResolutionDecisionRowConfiguration : IEntityTypeConfiguration<ResolutionDecisionRow>
{
    public void Configure(EntityTypeBuilder<ResolutionDecisionRow> e)
    {
        e.ToTable("resolution_decisions");
        e.HasKey(x => x.Id);
        e.Property(x => x.CaseId).HasMaxLength(200);
        e.Property(x => x.Kind).HasMaxLength(10);
        e.Property(x => x.RecordA).HasMaxLength(200);
        e.Property(x => x.RecordB).HasMaxLength(200);
        e.Property(x => x.DecidedBy).HasMaxLength(200);
        e.Property(x => x.Reason).HasMaxLength(2000);
        e.Property(x => x.RevokedBy).HasMaxLength(200);
        e.HasIndex(x => x.CaseId);
    }
}
