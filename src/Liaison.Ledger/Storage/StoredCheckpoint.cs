namespace Liaison.Ledger.Storage;

/// <summary>A signed checkpoint as stored: the tree size it commits to (for lookups) and the whole signed note.</summary>
public sealed record StoredCheckpoint(long TreeSize, string SignedNote);
