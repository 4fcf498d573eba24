namespace Liaison.Ledger.Verification;

/// <summary>What kind of damage a verification found.</summary>
public enum LedgerFaultKind
{
    /// <summary>An entry is not where its index says (deleted, inserted or reordered entries).</summary>
    EntryOutOfPlace,
    /// <summary>An entry's bytes do not hash to its recorded leaf hash (the entry or its hash was edited).</summary>
    EntryChanged,
    /// <summary>An entry is not a canonical ledger event.</summary>
    EntryMalformed,
    /// <summary>Entries and their hashes agree but not with a signed checkpoint (both were rewritten).</summary>
    RootMismatch,
    /// <summary>A checkpoint commits to more entries than are stored (entries were removed from the end).</summary>
    EntriesMissing,
    /// <summary>A checkpoint is malformed, not signed by the log key, or for another origin.</summary>
    CheckpointInvalid,
    /// <summary>Two checkpoints disagree (same size, different roots, or a later one smaller).</summary>
    CheckpointsInconsistent,
    /// <summary>A stored witness cosignature does not verify or covers no stored checkpoint.</summary>
    CosignatureInvalid,
}
