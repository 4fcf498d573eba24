using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Storage.Federation;

/// <summary>
/// A hit/no-hit or linkage message this node has accepted (sender, message id), remembered until the
/// message's expiry plus the clock skew — after that the envelope's expiry check refuses a replay by
/// itself. In the database so a restart, or a second replica, cannot be made to answer a captured
/// query twice; the primary key makes remembering atomic across replicas.
/// </summary>
public sealed class FederationReplayRow
{
    public required string Sender { get; set; }
    public required string MessageId { get; set; }
    public DateTimeOffset ForgetAt { get; set; }
}

internal sealed class FederationReplayConfiguration : IEntityTypeConfiguration<FederationReplayRow>
{
    public void Configure(EntityTypeBuilder<FederationReplayRow> e)
    {
        e.ToTable("federation_replay");
        e.HasKey(x => new { x.Sender, x.MessageId });
        e.Property(x => x.Sender).HasColumnName("sender").HasMaxLength(64);
        e.Property(x => x.MessageId).HasColumnName("message_id").HasMaxLength(128);
        e.Property(x => x.ForgetAt).HasColumnName("forget_at");
        e.HasIndex(x => x.ForgetAt);
    }
}
