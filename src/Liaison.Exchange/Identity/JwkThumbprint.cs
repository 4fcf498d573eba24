using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Liaison.Exchange.Identity;

/// <summary>
/// RFC 7638 JWK thumbprints: SHA-256 over the JSON object of the key type's required members
/// only, names in lexicographic order, no whitespace. Checked against RFC 7638 §3.1's example.
/// </summary>
internal static class JwkThumbprint
{
    public static string CanonicalJson(IEnumerable<KeyValuePair<string, string>> requiredMembers)
    {
        var sb = new StringBuilder("{");
        foreach (var (name, value) in requiredMembers.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (sb.Length > 1)
            {
                sb.Append(',');
            }
            // Member values of EC/RSA/oct keys are base64url or fixed names: serialising them as
            // JSON strings changes nothing, but it keeps the canonical form right for any input.
            sb.Append(JsonSerializer.Serialize(name)).Append(':').Append(JsonSerializer.Serialize(value));
        }
        return sb.Append('}').ToString();
    }

    public static byte[] Hash(IEnumerable<KeyValuePair<string, string>> requiredMembers) =>
        SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson(requiredMembers)));

    public static string Compute(IEnumerable<KeyValuePair<string, string>> requiredMembers) =>
        Jose.Base64Url.Encode(Hash(requiredMembers));
}
