using Liaison.Storage.Evidence;
using Liaison.Storage.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Storage.Retention;

/// <summary>
/// The review-date column every InForce filter, review list and purge reads: indexed so the purge and
/// the DPO's list seek the overdue rows instead of scanning a table of millions (checked with EXPLAIN
/// QUERY PLAN in ReviewDateIndexTests). The records table's other indexes stay in LiaisonDb.
/// </summary>
internal sealed class RecordReviewDateIndex : IEntityTypeConfiguration<RecordRow>
{
    public void Configure(EntityTypeBuilder<RecordRow> e) => e.HasIndex(x => x.ReviewDate).HasDatabaseName("ix_records_review_date");
}

/// <summary>Call-detail rows' review date and its index; the column keeps the table's PascalCase naming.</summary>
internal sealed class CallRecordReviewDateIndex : IEntityTypeConfiguration<CallRecordRow>
{
    public void Configure(EntityTypeBuilder<CallRecordRow> e) => e.HasIndex(x => x.ReviewDate).HasDatabaseName("ix_call_records_review_date");
}

/// <summary>Evidence items' review date and its index, read by the review list and the evidence purge.</summary>
internal sealed class EvidenceReviewDateIndex : IEntityTypeConfiguration<EvidenceItemRow>
{
    public void Configure(EntityTypeBuilder<EvidenceItemRow> e) => e.HasIndex(x => x.ReviewDate).HasDatabaseName("ix_evidence_items_review_date");
}
