using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Liaison.Storage.Witnessing;

/// <summary>
/// A peer's log caught misbehaving by this node as its witness: a split view (two roots for one size),
/// a history that does not extend what we cosigned, a rollback, or a changed log key. Both signed notes
/// are kept: they are the evidence, checkable by anyone holding the peer's key.
/// </summary>
public sealed class WitnessAlertRow
{
    public long Id { get; set; }
    public required string Origin { get; set; }
    public required string PeerNodeId { get; set; }

    /// <summary>"split-view", "inconsistent", "rollback" or "key-changed".</summary>
    public required string Kind { get; set; }
    public long Size { get; set; }
    public required string Reason { get; set; }
    public required string CheckpointSeen { get; set; }
    public required string CheckpointPresented { get; set; }
    public DateTimeOffset DetectedAt { get; set; }

    /// <summary>The index of the ledger entry that journals the alert.</summary>
    public long LedgerIndex { get; set; }
}

internal sealed class WitnessAlertRowConfiguration : IEntityTypeConfiguration<WitnessAlertRow>
{
    public void Configure(EntityTypeBuilder<WitnessAlertRow> e)
    {
        e.ToTable("witness_alerts");
        e.HasIndex(x => x.DetectedAt);
    }
}
