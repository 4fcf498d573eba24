using System.Globalization;
using System.Text;
using Liaison.Ledger.Notes;

namespace Liaison.Ledger.Checkpoints;

/// <summary>
/// A tree head in the C2SP tlog-checkpoint form: origin line, tree size, base64 root hash, then
/// extension lines. Liaison writes one extension line, <c>time &lt;unix seconds&gt;</c>, the moment the
/// node issued it (issue #5 asks for the time; it is signed by the node but, as the spec warns, not
/// something witnesses vouch for).
/// <code>
/// liaison.example/be.fedpol
/// 1042
/// CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=
/// time 1767225600
/// </code>
/// </summary>
public sealed record Checkpoint(string Origin, long Size, byte[] RootHash, DateTimeOffset? Time = null)
{
    private const string TimePrefix = "time ";

    /// <summary>Other extension lines found when parsing (kept so the text round-trips).</summary>
    public IReadOnlyList<string> OtherExtensions { get; init; } = [];

    /// <summary>The note text (each line newline-terminated) that gets signed.</summary>
    public string ToText()
    {
        var sb = new StringBuilder()
            .Append(Origin).Append('\n')
            .Append(Size.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(Convert.ToBase64String(RootHash)).Append('\n');
        if (Time is { } t)
        {
            sb.Append(TimePrefix).Append(t.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        foreach (var line in OtherExtensions)
        {
            sb.Append(line).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Parses checkpoint note text (no signatures).</summary>
    public static Checkpoint Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.EndsWith('\n'))
        {
            throw new NoteFormatException("checkpoint text must end with a newline");
        }
        var lines = text[..^1].Split('\n');
        if (lines.Length < 3 || lines.Any(l => l.Length == 0))
        {
            throw new NoteFormatException("a checkpoint has an origin, a size and a root hash, and no empty line");
        }
        var size = ParseSize(lines[1]);
        byte[] root;
        try
        {
            root = Convert.FromBase64String(lines[2]);
        }
        catch (FormatException e)
        {
            throw new NoteFormatException("the checkpoint root hash is not base64", e);
        }
        if (root.Length != 32 || Convert.ToBase64String(root) != lines[2])
        {
            throw new NoteFormatException("the checkpoint root hash is not 32 bytes of canonical base64");
        }
        DateTimeOffset? time = null;
        var others = new List<string>();
        foreach (var line in lines.Skip(3))
        {
            if (time is null && line.StartsWith(TimePrefix, StringComparison.Ordinal)
                && long.TryParse(line.AsSpan(TimePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
                && seconds.ToString(CultureInfo.InvariantCulture) == line[TimePrefix.Length..]
                && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            {
                time = DateTimeOffset.FromUnixTimeSeconds(seconds);
            }
            else
            {
                others.Add(line);
            }
        }
        return new Checkpoint(lines[0], size, root, time) { OtherExtensions = others };
    }

    /// <summary>The tree size of a signed checkpoint note, without verifying it (for indexing stored notes).</summary>
    public static long PeekSize(string signedNote)
    {
        ArgumentNullException.ThrowIfNull(signedNote);
        var lines = signedNote.Split('\n', 3);
        return lines.Length >= 2 && long.TryParse(lines[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size) ? size : -1;
    }

    private static long ParseSize(string line)
    {
        if (!long.TryParse(line, NumberStyles.None, CultureInfo.InvariantCulture, out var size)
            || size.ToString(CultureInfo.InvariantCulture) != line)
        {
            throw new NoteFormatException("the checkpoint size is not a decimal number without leading zeroes");
        }
        return size;
    }

    /// <summary>True when both commit to the same origin, size and root (times and extensions aside).</summary>
    public bool SameTreeHead(Checkpoint other) =>
        other is not null && Origin == other.Origin && Size == other.Size && RootHash.AsSpan().SequenceEqual(other.RootHash);
}
