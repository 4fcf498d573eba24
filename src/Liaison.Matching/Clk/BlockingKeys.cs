using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Liaison.Matching.Clk;

/// <summary>
/// Keyed blocking keys: for each <see cref="BlockingPass"/> whose parts are all present, the first 8 bytes
/// of HMAC-SHA256(blocking key, pass name ‖ 0 ‖ part values). Without the secret the hub cannot tell which
/// Soundex code or year a key stands for; it does see which records share one, and how large blocks are.
/// </summary>
internal static class BlockingKeys
{
    private static readonly string[] Transforms = ["soundex", "soundexSorted", "year", "first1", "first2", "first3", "value"];

    /// <summary>
    /// Parses <c>transform(field)</c>, or <c>soundexSorted(field1,field2,…)</c>: the Soundex codes of the
    /// words of all listed fields, sorted, so that swapped given and family names share the key.
    /// </summary>
    public static bool TryParsePart(string part, out string transform, out string[] fields, out string reason)
    {
        transform = reason = "";
        fields = [];
        var open = part.IndexOf('(', StringComparison.Ordinal);
        if (open <= 0 || !part.EndsWith(')'))
        {
            reason = $"part '{part}' must look like transform(field)";
            return false;
        }
        transform = part[..open];
        fields = part[(open + 1)..^1].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (!Transforms.Contains(transform, StringComparer.Ordinal))
        {
            reason = $"unknown transform '{transform}' (use {string.Join(", ", Transforms)})";
            return false;
        }
        if (fields.Length == 0 || (fields.Length > 1 && transform != "soundexSorted"))
        {
            reason = $"part '{part}' needs exactly one field (several only for soundexSorted)";
            return false;
        }
        return true;
    }

    public static ulong[] Compute(IReadOnlyList<BlockingPass> passes, IReadOnlyDictionary<string, string?> normalised, byte[] key)
    {
        if (passes.Count == 0)
        {
            return [];
        }
        var keys = new List<ulong>(passes.Count);
        var text = new StringBuilder();
        Span<byte> mac = stackalloc byte[32];
        foreach (var pass in passes)
        {
            text.Clear().Append(pass.Name).Append('\0');
            var complete = true;
            foreach (var part in pass.Parts)
            {
                TryParsePart(part, out var transform, out var fields, out _);
                var piece = transform == "soundexSorted" ? SoundexSorted(fields, normalised)
                    : normalised.GetValueOrDefault(fields[0]) is { } value ? Apply(transform, value) : null;
                if (piece is null)
                {
                    complete = false;
                    break;
                }
                text.Append(piece).Append('\u001f');
            }
            if (complete)
            {
                HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text.ToString()), mac);
                keys.Add(BinaryPrimitives.ReadUInt64LittleEndian(mac));
            }
        }
        return [.. keys];
    }

    private static string? SoundexSorted(string[] fields, IReadOnlyDictionary<string, string?> normalised)
    {
        var codes = fields.Select(f => normalised.GetValueOrDefault(f))
            .Where(v => v is not null)
            .SelectMany(v => v!.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(Soundex.Of)
            .Where(c => c is not null)
            .Order(StringComparer.Ordinal)
            .ToArray();
        // One word alone would put everyone with that name in one block; two are needed.
        return codes.Length >= 2 ? string.Join('.', codes) : null;
    }

    private static string? Apply(string transform, string value) => transform switch
    {
        "soundex" => Soundex.Of(value),
        "year" => value.Length >= 4 ? value[..4] : null,
        "first1" => value[..1],
        "first2" => value.Length >= 2 ? value[..2] : null,
        "first3" => value.Length >= 3 ? value[..3] : null,
        _ => value,
    };
}
