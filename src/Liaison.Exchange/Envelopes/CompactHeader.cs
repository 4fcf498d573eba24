using System.Text.Json;

namespace Liaison.Exchange.Envelopes;

/// <summary>
/// Reads the protected header of a compact JWS or JWE ourselves (base64url + System.Text.Json), so
/// that routing and key selection look at exactly the bytes the signature or the AEAD tag covers,
/// and a malformed token is reported as such before any key is touched.
/// </summary>
internal static class CompactHeader
{
    public static JsonElement Read(string compact, int expectedParts)
    {
        ArgumentNullException.ThrowIfNull(compact);
        var dot = compact.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || compact.Count(c => c == '.') != expectedParts - 1)
        {
            throw new FormatException($"not a compact serialisation of {expectedParts} parts");
        }
        byte[] bytes;
        try
        {
            bytes = Jose.Base64Url.Decode(compact[..dot]);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new FormatException("the protected header is not base64url", e);
        }
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                ? doc.RootElement.Clone()
                : throw new FormatException("the protected header is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new FormatException("the protected header is not JSON", e);
        }
    }

    public static string? String(this JsonElement header, string name) =>
        header.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
