using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Storage.Retention;

internal sealed class ReviewExtensionTable : IEntityTypeConfiguration<ReviewExtensionRow>
{
    public void Configure(EntityTypeBuilder<ReviewExtensionRow> e)
    {
        e.ToTable("retention_extensions");
        e.Property(x => x.Id).HasColumnName("id");
        e.Property(x => x.RecordId).HasColumnName("record_id").HasMaxLength(200);
        e.Property(x => x.CaseId).HasColumnName("case_id").HasMaxLength(200);
        e.Property(x => x.PreviousReviewDate).HasColumnName("previous_review_date");
        e.Property(x => x.ReviewDate).HasColumnName("review_date");
        e.Property(x => x.Reason).HasColumnName("reason").HasMaxLength(1000);
        e.Property(x => x.ExtendedBy).HasColumnName("extended_by");
        e.Property(x => x.ExtendedAt).HasColumnName("extended_at");
        e.HasIndex(x => x.RecordId);
    }
}

internal sealed class PurgeRunTable : IEntityTypeConfiguration<PurgeRunRow>
{
    public void Configure(EntityTypeBuilder<PurgeRunRow> e)
    {
        e.ToTable("retention_purge_runs");
        e.Property(x => x.Id).HasColumnName("id");
        e.Property(x => x.StartedAt).HasColumnName("started_at");
        e.Property(x => x.PurgedBefore).HasColumnName("purged_before");
        e.Property(x => x.StartedBy).HasColumnName("started_by");
        e.Property(x => x.Records).HasColumnName("records");
        e.Property(x => x.Identifiers).HasColumnName("identifiers");
        e.Property(x => x.CallRecords).HasColumnName("call_records");
        e.Property(x => x.LedgerIndex).HasColumnName("ledger_index");
    }
}

internal sealed class PurgedRecordTable : IEntityTypeConfiguration<PurgedRecordRow>
{
    public void Configure(EntityTypeBuilder<PurgedRecordRow> e)
    {
        e.ToTable("retention_purged");
        e.Property(x => x.Id).HasColumnName("id");
        e.Property(x => x.RunId).HasColumnName("run_id");
        e.Property(x => x.RecordId).HasColumnName("record_id").HasMaxLength(200);
        e.Property(x => x.CaseId).HasColumnName("case_id").HasMaxLength(200);
        e.Property(x => x.OriginNode).HasColumnName("origin_node");
        e.Property(x => x.ReviewDate).HasColumnName("review_date");
        e.Property(x => x.AnnouncedAt).HasColumnName("announced_at");
        e.HasIndex(x => x.RunId);
        e.HasIndex(x => x.RecordId);
    }
}

internal sealed class RecordWithdrawalTable : IEntityTypeConfiguration<RecordWithdrawalRow>
{
    public void Configure(EntityTypeBuilder<RecordWithdrawalRow> e)
    {
        e.ToTable("retention_withdrawals");
        e.Property(x => x.Id).HasColumnName("id");
        e.Property(x => x.RunId).HasColumnName("run_id");
        e.Property(x => x.RecordId).HasColumnName("record_id").HasMaxLength(200);
        e.Property(x => x.Recipient).HasColumnName("recipient");
        e.Property(x => x.QueuedAt).HasColumnName("queued_at");
        e.HasIndex(x => x.RecordId);
    }
}
