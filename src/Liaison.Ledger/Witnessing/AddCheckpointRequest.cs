using System.Globalization;
using System.Text;
using Liaison.Ledger.Notes;

namespace Liaison.Ledger.Witnessing;

/// <summary>
/// The body of a C2SP tlog-witness <c>add-checkpoint</c> request: <c>old N</c>, up to 63 base64
/// consistency-proof lines, a blank line, then the signed checkpoint.
/// </summary>
public sealed record AddCheckpointRequest(long OldSize, IReadOnlyList<byte[]> ConsistencyProof, string SignedCheckpoint)
{
    /// <summary>Most proof lines a client may send.</summary>
    public const int MaxProofLines = 63;

    public string Format()
    {
        var sb = new StringBuilder("old ").Append(OldSize.ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var hash in ConsistencyProof)
        {
            sb.Append(Convert.ToBase64String(hash)).Append('\n');
        }
        return sb.Append('\n').Append(SignedCheckpoint).ToString();
    }

    public static AddCheckpointRequest Parse(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var blank = body.IndexOf("\n\n", StringComparison.Ordinal);
        if (blank < 0)
        {
            throw new NoteFormatException("an add-checkpoint request has an old-size line, proof lines, a blank line and a checkpoint");
        }
        var head = body[..blank].Split('\n');
        if (!head[0].StartsWith("old ", StringComparison.Ordinal)
            || !long.TryParse(head[0].AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var oldSize)
            || oldSize.ToString(CultureInfo.InvariantCulture) != head[0][4..])
        {
            throw new NoteFormatException("the first line must be 'old N'");
        }
        if (head.Length - 1 > MaxProofLines)
        {
            throw new NoteFormatException("more than 63 consistency proof lines");
        }
        var proof = new List<byte[]>(head.Length - 1);
        foreach (var line in head.Skip(1))
        {
            try
            {
                proof.Add(Convert.FromBase64String(line));
            }
            catch (FormatException e)
            {
                throw new NoteFormatException("a consistency proof line is not base64", e);
            }
        }
        return new AddCheckpointRequest(oldSize, proof, body[(blank + 2)..]);
    }
}
