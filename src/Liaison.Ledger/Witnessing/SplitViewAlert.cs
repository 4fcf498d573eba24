namespace Liaison.Ledger.Witnessing;

/// <summary>
/// Proof that a log showed two different trees of the same size: two checkpoints, both validly signed by
/// the log's key, with one size and two roots. Either the log's key is compromised or the log lies to
/// some of its peers. The node journals it (an <c>admin</c> ledger event) and alerts its operators; the
/// two signed notes are the evidence and can be shown to anyone holding the log's public key.
/// </summary>
public sealed record SplitViewAlert(
    string Origin,
    long Size,
    byte[] RootSeen,
    byte[] RootPresented,
    string CheckpointSeen,
    string CheckpointPresented,
    DateTimeOffset DetectedAt);
