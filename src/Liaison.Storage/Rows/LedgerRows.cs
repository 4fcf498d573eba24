namespace Liaison.Storage.Rows;

/// <summary>One ledger entry: its index is the primary key, so a second writer cannot fork the log.</summary>
public sealed class LedgerEntryRow
{
    public long Index { get; set; }
    public required byte[] Payload { get; set; }
    public required byte[] LeafHash { get; set; }
}

/// <summary>A checkpoint the node signed (C2SP signed note).</summary>
public sealed class LedgerCheckpointRow
{
    public long Id { get; set; }
    public long TreeSize { get; set; }
    public required string SignedNote { get; set; }
}

/// <summary>A peer witness's cosignature of one of our checkpoints.</summary>
public sealed class LedgerCosignatureRow
{
    public long Id { get; set; }
    public long TreeSize { get; set; }
    public required string CheckpointText { get; set; }
    public required string WitnessName { get; set; }
    public required string SignatureLine { get; set; }
}

/// <summary>As a witness: the last checkpoint we cosigned for a peer's log.</summary>
public sealed class WitnessStateRow
{
    public required string Origin { get; set; }
    public long Size { get; set; }
    public required string SignedCheckpoint { get; set; }
}
