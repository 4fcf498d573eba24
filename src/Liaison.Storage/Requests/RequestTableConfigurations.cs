using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Storage.Requests;

internal sealed class RequestRowConfiguration : IEntityTypeConfiguration<RequestRow>
{
    public void Configure(EntityTypeBuilder<RequestRow> e)
    {
        e.ToTable("requests");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id").HasMaxLength(120);
        e.Property(x => x.Direction).HasColumnName("direction").HasMaxLength(16);
        e.Property(x => x.CaseId).HasColumnName("case_id").HasMaxLength(200);
        e.Property(x => x.Type).HasColumnName("type").HasMaxLength(40);
        e.Property(x => x.Instrument).HasColumnName("instrument").HasMaxLength(60);
        e.Property(x => x.State).HasColumnName("state").HasMaxLength(40);
        e.Property(x => x.RequesterId).HasColumnName("requester_id").HasMaxLength(200);
        e.Property(x => x.RequesterJurisdiction).HasColumnName("requester_jurisdiction").HasMaxLength(2);
        e.Property(x => x.AddresseeId).HasColumnName("addressee_id").HasMaxLength(200);
        e.Property(x => x.AddresseeJurisdiction).HasColumnName("addressee_jurisdiction").HasMaxLength(2);
        e.Property(x => x.DraftedBy).HasColumnName("drafted_by").HasMaxLength(200);
        e.Property(x => x.CreatedAt).HasColumnName("created_at");
        e.Property(x => x.UpdatedAt).HasColumnName("updated_at");
        e.Property(x => x.Document).HasColumnName("document");
        e.Property(x => x.Screening).HasColumnName("screening");
        e.Property(x => x.Version).HasColumnName("version").IsConcurrencyToken();
        e.HasIndex(x => x.CaseId);
        e.HasIndex(x => new { x.Direction, x.State });
    }
}

internal sealed class RequestTransitionRowConfiguration : IEntityTypeConfiguration<RequestTransitionRow>
{
    public void Configure(EntityTypeBuilder<RequestTransitionRow> e)
    {
        e.ToTable("request_transitions");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id");
        e.Property(x => x.RequestId).HasColumnName("request_id").HasMaxLength(120);
        e.Property(x => x.Sequence).HasColumnName("sequence");
        e.Property(x => x.FromState).HasColumnName("from_state").HasMaxLength(40);
        e.Property(x => x.ToState).HasColumnName("to_state").HasMaxLength(40);
        e.Property(x => x.Action).HasColumnName("action").HasMaxLength(40);
        e.Property(x => x.ActorId).HasColumnName("actor_id").HasMaxLength(200);
        e.Property(x => x.ActorRole).HasColumnName("actor_role").HasMaxLength(40);
        e.Property(x => x.At).HasColumnName("at");
        e.Property(x => x.Reason).HasColumnName("reason");
        e.Property(x => x.RefusalReason).HasColumnName("refusal_reason").HasMaxLength(40);
        e.Property(x => x.LedgerIndex).HasColumnName("ledger_index");
        e.HasIndex(x => new { x.RequestId, x.Sequence }).IsUnique();
        e.HasOne<RequestRow>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvidencePackageRowConfiguration : IEntityTypeConfiguration<EvidencePackageRow>
{
    public void Configure(EntityTypeBuilder<EvidencePackageRow> e)
    {
        e.ToTable("evidence_packages");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id");
        e.Property(x => x.RequestId).HasColumnName("request_id").HasMaxLength(120);
        e.Property(x => x.Direction).HasColumnName("direction").HasMaxLength(16);
        e.Property(x => x.Responder).HasColumnName("responder").HasMaxLength(200);
        e.Property(x => x.ManifestJson).HasColumnName("manifest_json");
        e.Property(x => x.ManifestDigest).HasColumnName("manifest_digest").HasMaxLength(80);
        e.Property(x => x.SignatureKeyId).HasColumnName("signature_key_id").HasMaxLength(200);
        e.Property(x => x.CreatedAt).HasColumnName("created_at");
        e.Property(x => x.Verified).HasColumnName("verified");
        e.Property(x => x.Problems).HasColumnName("problems");
        e.Property(x => x.CustodyJournalled).HasColumnName("custody_journalled");
        e.HasIndex(x => x.RequestId);
        e.HasOne<RequestRow>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Files).WithOne().HasForeignKey(f => f.PackageId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvidenceFileRowConfiguration : IEntityTypeConfiguration<EvidenceFileRow>
{
    public void Configure(EntityTypeBuilder<EvidenceFileRow> e)
    {
        e.ToTable("evidence_files");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id");
        e.Property(x => x.PackageId).HasColumnName("package_id");
        e.Property(x => x.Name).HasColumnName("name").HasMaxLength(255);
        e.Property(x => x.MediaType).HasColumnName("media_type").HasMaxLength(120);
        e.Property(x => x.Sha256).HasColumnName("sha256").HasMaxLength(64);
        e.Property(x => x.Size).HasColumnName("size");
        e.Property(x => x.ImportId).HasColumnName("import_id");
        e.HasIndex(x => x.Sha256);
    }
}

internal sealed class RequestNoticeRowConfiguration : IEntityTypeConfiguration<RequestNoticeRow>
{
    public void Configure(EntityTypeBuilder<RequestNoticeRow> e)
    {
        e.ToTable("request_notices");
        e.HasKey(x => x.Key);
        e.Property(x => x.Key).HasColumnName("key").HasMaxLength(200);
        e.Property(x => x.RequestId).HasColumnName("request_id").HasMaxLength(120);
        e.Property(x => x.Kind).HasColumnName("kind").HasMaxLength(40);
        e.Property(x => x.At).HasColumnName("at");
    }
}
