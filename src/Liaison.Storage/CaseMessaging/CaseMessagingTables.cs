using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Storage.CaseMessaging;

internal sealed class CaseThreadRowConfiguration : IEntityTypeConfiguration<CaseThreadRow>
{
    public void Configure(EntityTypeBuilder<CaseThreadRow> e)
    {
        e.ToTable("case_threads");
        e.HasKey(x => x.ThreadId);
        e.Property(x => x.ThreadId).HasColumnName("thread_id").HasMaxLength(128);
        e.Property(x => x.CaseReference).HasColumnName("case_reference").HasMaxLength(256);
        e.Property(x => x.Subject).HasColumnName("subject").HasMaxLength(500);
        e.Property(x => x.Participants).HasColumnName("participants").HasMaxLength(2000);
        e.HasIndex(x => x.CaseReference).HasDatabaseName("ix_case_threads_case_reference");
    }
}

internal sealed class CaseMessageRowConfiguration : IEntityTypeConfiguration<CaseMessageRow>
{
    public void Configure(EntityTypeBuilder<CaseMessageRow> e)
    {
        e.ToTable("case_messages");
        e.HasKey(x => x.MessageId);
        e.Property(x => x.MessageId).HasColumnName("message_id").HasMaxLength(128);
        e.Property(x => x.ThreadId).HasColumnName("thread_id").HasMaxLength(128);
        e.Property(x => x.Author).HasColumnName("author").HasMaxLength(128);
        e.Property(x => x.SentAt).HasColumnName("sent_at");
        e.Property(x => x.Text).HasColumnName("text");
        e.Property(x => x.RecordsJson).HasColumnName("records_json");
        e.HasIndex(x => new { x.ThreadId, x.SentAt }).HasDatabaseName("ix_case_messages_thread");
    }
}

internal sealed class CaseShareRowConfiguration : IEntityTypeConfiguration<CaseShareRow>
{
    public void Configure(EntityTypeBuilder<CaseShareRow> e)
    {
        e.ToTable("case_shares");
        e.HasKey(x => new { x.OriginNode, x.RecordId, x.Recipient, x.ThreadId });
        e.Property(x => x.OriginNode).HasColumnName("origin_node").HasMaxLength(128);
        e.Property(x => x.RecordId).HasColumnName("record_id").HasMaxLength(256);
        e.Property(x => x.Recipient).HasColumnName("recipient").HasMaxLength(128);
        e.Property(x => x.ThreadId).HasColumnName("thread_id").HasMaxLength(128);
    }
}

internal sealed class ReceivedCopyRowConfiguration : IEntityTypeConfiguration<ReceivedCopyRow>
{
    public void Configure(EntityTypeBuilder<ReceivedCopyRow> e)
    {
        e.ToTable("case_received_copies");
        e.HasKey(x => new { x.OriginNode, x.RecordId });
        e.Property(x => x.OriginNode).HasColumnName("origin_node").HasMaxLength(128);
        e.Property(x => x.RecordId).HasColumnName("record_id").HasMaxLength(256);
        e.Property(x => x.LocalId).HasColumnName("local_id").HasMaxLength(400);
        e.Property(x => x.SharedBy).HasColumnName("shared_by").HasMaxLength(128);
        e.Property(x => x.ThreadId).HasColumnName("thread_id").HasMaxLength(128);
        e.Property(x => x.ReceivedAt).HasColumnName("received_at");
        e.Property(x => x.Version).HasColumnName("version");
        e.Property(x => x.SharedJson).HasColumnName("shared_json");
        e.HasIndex(x => x.LocalId).IsUnique().HasDatabaseName("ix_case_received_copies_local_id");
    }
}

internal sealed class CaseWithdrawalRowConfiguration : IEntityTypeConfiguration<CaseWithdrawalRow>
{
    public void Configure(EntityTypeBuilder<CaseWithdrawalRow> e)
    {
        e.ToTable("case_withdrawals");
        e.HasKey(x => new { x.OriginNode, x.RecordId });
        e.Property(x => x.OriginNode).HasColumnName("origin_node").HasMaxLength(128);
        e.Property(x => x.RecordId).HasColumnName("record_id").HasMaxLength(256);
        e.Property(x => x.Version).HasColumnName("version");
    }
}

internal sealed class OwnRecordVersionRowConfiguration : IEntityTypeConfiguration<OwnRecordVersionRow>
{
    public void Configure(EntityTypeBuilder<OwnRecordVersionRow> e)
    {
        e.ToTable("case_own_versions");
        e.HasKey(x => x.RecordId);
        e.Property(x => x.RecordId).HasColumnName("record_id").HasMaxLength(256);
        e.Property(x => x.Version).HasColumnName("version");
    }
}
