using System.Text;

namespace Liaison.Node.Exchange;

/// <summary>Reads a request body of a compact JOSE serialisation, never more than the limit plus one byte.</summary>
internal static class EnvelopeBody
{
    /// <summary>The body as text, or null as soon as it proves larger than <paramref name="max"/> bytes.</summary>
    public static async Task<string?> ReadCappedAsync(HttpRequest request, int max, CancellationToken ct)
    {
        if (request.ContentLength > max)
        {
            return null;
        }
        var limit = max + 1;
        var buffer = new byte[Math.Min(limit, (int)Math.Min(request.ContentLength ?? 64 * 1024, max) + 1)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length >= limit)
                {
                    break;
                }
                Array.Resize(ref buffer, (int)Math.Min(limit, buffer.Length * 2L));
            }
            var read = await request.Body.ReadAsync(buffer.AsMemory(length, buffer.Length - length), ct);
            if (read == 0)
            {
                break;
            }
            length += read;
        }
        // Compact serialisations are ASCII; anything else fails the opener's shape check.
        return length > max ? null : Encoding.Latin1.GetString(buffer, 0, length);
    }
}
