using System.Buffers.Binary;

namespace Liaison.Ledger.Notes;

/// <summary>One signature line of a signed note: <c>— name base64(keyID || signature)</c>.</summary>
public sealed record NoteSignature(string KeyName, uint KeyId, byte[] Signature)
{
    /// <summary>The em dash and space that open every signature line.</summary>
    public const string LinePrefix = "\u2014 ";

    /// <summary>The line, including its final newline.</summary>
    public string ToLine()
    {
        var blob = new byte[4 + Signature.Length];
        BinaryPrimitives.WriteUInt32BigEndian(blob, KeyId);
        Signature.CopyTo(blob, 4);
        return LinePrefix + KeyName + " " + Convert.ToBase64String(blob) + "\n";
    }

    /// <summary>Parses a line without its newline.</summary>
    public static NoteSignature ParseLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (!line.StartsWith(LinePrefix, StringComparison.Ordinal))
        {
            throw new NoteFormatException("a signature line must start with an em dash and a space");
        }
        var rest = line[LinePrefix.Length..];
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            throw new NoteFormatException("a signature line needs a key name and a signature");
        }
        var name = rest[..space];
        if (!NoteKeyId.IsValidName(name))
        {
            throw new NoteFormatException("invalid key name in a signature line");
        }
        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(rest[(space + 1)..]);
        }
        catch (FormatException e)
        {
            throw new NoteFormatException("a signature is not base64", e);
        }
        if (blob.Length < 5 || Convert.ToBase64String(blob) != rest[(space + 1)..])
        {
            throw new NoteFormatException("a signature is too short or not canonical base64");
        }
        return new NoteSignature(name, BinaryPrimitives.ReadUInt32BigEndian(blob), blob[4..]);
    }
}
