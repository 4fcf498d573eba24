using System.Text;

namespace Liaison.Ledger.Notes;

/// <summary>
/// A C2SP signed note: UTF-8 text ending in a newline, a blank line, then one or more signature lines.
/// Parsing is strict (no control characters but newline, at most <see cref="MaxSignatures"/> signatures)
/// so one signed byte sequence has one reading.
/// </summary>
public sealed record SignedNote(string Text, IReadOnlyList<NoteSignature> Signatures)
{
    /// <summary>Upper bound on signature lines accepted (the spec requires at least 16).</summary>
    public const int MaxSignatures = 100;

    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    /// <summary>The full note: text, blank line, signature lines.</summary>
    public string Format()
    {
        var sb = new StringBuilder(Text).Append('\n');
        foreach (var s in Signatures)
        {
            sb.Append(s.ToLine());
        }
        return sb.ToString();
    }

    /// <summary>The same note with one more signature line (a cosignature).</summary>
    public SignedNote With(NoteSignature signature) => this with { Signatures = [.. Signatures, signature] };

    /// <summary>Parses a signed note without checking any signature.</summary>
    public static SignedNote Parse(string note)
    {
        ArgumentNullException.ThrowIfNull(note);
        foreach (var c in note)
        {
            if (c < ' ' && c != '\n')
            {
                throw new NoteFormatException("a note must not contain control characters");
            }
        }
        try
        {
            _ = StrictUtf8.GetByteCount(note);
        }
        catch (EncoderFallbackException e)
        {
            throw new NoteFormatException("a note must be valid UTF-8", e);
        }
        // The text ends at the last blank line; everything after it is signatures.
        var split = note.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (split < 0 || split + 2 >= note.Length || !note.EndsWith('\n'))
        {
            throw new NoteFormatException("a signed note needs text, a blank line and signature lines");
        }
        var text = note[..(split + 1)];
        var lines = note[(split + 2)..^1].Split('\n');
        if (lines.Length == 0 || lines.Length > MaxSignatures || (lines.Length == 1 && lines[0].Length == 0))
        {
            throw new NoteFormatException("a signed note needs between 1 and 100 signature lines");
        }
        return new SignedNote(text, [.. lines.Select(NoteSignature.ParseLine)]);
    }
}
