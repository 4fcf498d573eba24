namespace Liaison.Ledger.Notes;

/// <summary>
/// Opening a signed note against trusted keys, with the C2SP rules: signatures from unknown keys are
/// ignored; a signature from a known key must verify or the whole note is rejected; at least one must verify.
/// </summary>
public static class NoteVerification
{
    /// <summary>Returns the parsed note and the signatures that verified; throws <see cref="NoteVerificationException"/> otherwise.</summary>
    public static (SignedNote Note, IReadOnlyList<NoteSignature> Verified) Open(string note, IReadOnlyCollection<NoteVerifierKey> trusted)
    {
        ArgumentNullException.ThrowIfNull(trusted);
        var parsed = SignedNote.Parse(note);
        var verified = new List<NoteSignature>();
        foreach (var signature in parsed.Signatures)
        {
            var key = trusted.FirstOrDefault(k => k.Identifies(signature));
            if (key is null)
            {
                continue;
            }
            if (!key.Verify(parsed.Text, signature))
            {
                throw new NoteVerificationException($"invalid signature for key {key.Name}+{key.KeyId:x8}");
            }
            verified.Add(signature);
        }
        if (verified.Count == 0)
        {
            throw new NoteVerificationException("the note has no verifiable signature from a trusted key");
        }
        return (parsed, verified);
    }
}
