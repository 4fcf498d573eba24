using Liaison.Ledger.Notes;

namespace Liaison.Ledger.Checkpoints;

/// <summary>A checkpoint and the signed note that carries it (the log's signature, and any cosignatures).</summary>
public sealed record SignedCheckpoint(Checkpoint Checkpoint, SignedNote Note)
{
    /// <summary>Signs <paramref name="checkpoint"/> with the log key (type 0x01).</summary>
    public static SignedCheckpoint Sign(Checkpoint checkpoint, NoteSigningKey logKey)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        ArgumentNullException.ThrowIfNull(logKey);
        var text = checkpoint.ToText();
        return new SignedCheckpoint(checkpoint, new SignedNote(text, [logKey.Sign(text)]));
    }

    /// <summary>
    /// Parses a signed checkpoint and verifies it against the log's key: the log signature must verify and
    /// the origin line must equal the key name (so one log's key cannot vouch for another origin).
    /// Other signature lines (cosignatures) are kept but not checked here.
    /// </summary>
    public static SignedCheckpoint Open(string note, NoteVerifierKey logKey)
    {
        ArgumentNullException.ThrowIfNull(logKey);
        var (parsed, _) = NoteVerification.Open(note, [logKey]);
        var checkpoint = Checkpoint.Parse(parsed.Text);
        if (checkpoint.Origin != logKey.Name)
        {
            throw new NoteVerificationException($"the checkpoint origin '{checkpoint.Origin}' is not the log key name '{logKey.Name}'");
        }
        return new SignedCheckpoint(checkpoint, parsed);
    }

    /// <summary>The full signed note text.</summary>
    public string Format() => Note.Format();
}
