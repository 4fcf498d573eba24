namespace Liaison.Ledger.Storage;

/// <summary>
/// A witness's cosignature of one of our checkpoints: the checkpoint note text it covers (without
/// signature lines), the witness key name, and the signature line (<c>— name base64</c>) as returned.
/// Appending the line to the checkpoint's signed note gives the cosigned checkpoint.
/// </summary>
public sealed record StoredCosignature(long TreeSize, string CheckpointText, string WitnessName, string SignatureLine);
