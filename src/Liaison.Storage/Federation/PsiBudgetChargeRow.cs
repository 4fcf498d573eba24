using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Storage.Federation;

/// <summary>
/// One charge against a peer's hit/no-hit budget: this node, as holder, evaluated
/// <see cref="Identifiers"/> blinded identifiers for <see cref="PeerId"/> in session
/// <see cref="SessionId"/>. The rows of the last budget period are replayed into the in-memory budget at
/// start-up, so a restart neither refills a peer's allowance nor lets a session id be answered twice.
/// </summary>
public sealed class PsiBudgetChargeRow
{
    public long Id { get; set; }
    public required string PeerId { get; set; }
    public Guid SessionId { get; set; }
    public int Identifiers { get; set; }
    public DateTimeOffset ChargedAt { get; set; }
}

internal sealed class PsiBudgetChargeConfiguration : IEntityTypeConfiguration<PsiBudgetChargeRow>
{
    public void Configure(EntityTypeBuilder<PsiBudgetChargeRow> e)
    {
        e.ToTable("psi_budget_charges");
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasColumnName("id");
        e.Property(x => x.PeerId).HasColumnName("peer_id").HasMaxLength(64);
        e.Property(x => x.SessionId).HasColumnName("session_id");
        e.Property(x => x.Identifiers).HasColumnName("identifiers");
        e.Property(x => x.ChargedAt).HasColumnName("charged_at");
        e.HasIndex(x => new { x.PeerId, x.ChargedAt });
        e.HasIndex(x => x.ChargedAt);
    }
}
