namespace Liaison.Ledger.Notes;

/// <summary>Signature type identifier bytes of C2SP signed-note that Liaison uses.</summary>
public enum NoteKeyType : byte
{
    /// <summary>Ed25519 over the note text (a log signing its checkpoints).</summary>
    Ed25519 = 0x01,

    /// <summary>Timestamped Ed25519 witness cosignature (C2SP tlog-cosignature, <c>cosignature/v1</c>).</summary>
    CosignatureV1 = 0x04,
}
