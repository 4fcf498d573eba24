using System.Globalization;
using System.Text.Json;

namespace Liaison.Core.Requests.Evidence;

/// <summary>Reads a received manifest. Strict: unknown members are refused, since they would not be covered by the signature.</summary>
internal static class ManifestReader
{
    private static readonly HashSet<string> TopLevel = new(StringComparer.Ordinal) { "formatVersion", "requestId", "responder", "createdAt", "files", "signature" };
    private static readonly HashSet<string> FileMembers = new(StringComparer.Ordinal) { "name", "mediaType", "sha256", "size" };

    public static EvidenceManifest Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException e)
        {
            throw new InvalidManifestException("(document)", $"is not JSON: {e.Message}");
        }
        using (doc)
        {
            var root = doc.RootElement;
            Expect(root.ValueKind == JsonValueKind.Object, "(document)", "must be a JSON object");
            OnlyKnown(root, TopLevel, "");
            Expect(root.TryGetProperty("formatVersion", out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var version) && version == EvidenceManifest.FormatVersion,
                "formatVersion", $"must be {EvidenceManifest.FormatVersion}");
            var createdText = String(root, "createdAt", "createdAt");
            Expect(DateTimeOffset.TryParseExact(createdText, EvidenceManifest.TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var created),
                "createdAt", $"must be a UTC time stamp like 2025-03-05T09:00:00Z");
            Expect(root.TryGetProperty("files", out var filesElement) && filesElement.ValueKind == JsonValueKind.Array, "files", "must be an array");
            var files = new List<EvidenceFile>();
            var i = 0;
            foreach (var f in filesElement.EnumerateArray())
            {
                var at = string.Create(CultureInfo.InvariantCulture, $"files[{i++}]");
                Expect(f.ValueKind == JsonValueKind.Object, at, "must be an object");
                OnlyKnown(f, FileMembers, at + ".");
                Expect(f.TryGetProperty("size", out var size) && size.ValueKind == JsonValueKind.Number && size.TryGetInt64(out _), at + ".size", "must be an integer");
                files.Add(new EvidenceFile(String(f, "name", at + ".name"), String(f, "mediaType", at + ".mediaType"), String(f, "sha256", at + ".sha256"), size.GetInt64()));
            }
            ManifestSignature? signature = null;
            if (root.TryGetProperty("signature", out var s))
            {
                Expect(s.ValueKind == JsonValueKind.Object, "signature", "must be an object");
                signature = new ManifestSignature(String(s, "algorithm", "signature.algorithm"), String(s, "keyId", "signature.keyId"), String(s, "value", "signature.value"));
            }
            return EvidenceManifest.Restore(String(root, "requestId", "requestId"), String(root, "responder", "responder"), created.ToUniversalTime(), files, signature);
        }
    }

    private static string String(JsonElement parent, string name, string field)
    {
        Expect(parent.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.String, field, "must be a string");
        return e.GetString()!;
    }

    private static void OnlyKnown(JsonElement obj, HashSet<string> known, string prefix)
    {
        foreach (var p in obj.EnumerateObject())
        {
            Expect(known.Contains(p.Name), prefix + p.Name, "is not a manifest field");
        }
    }

    private static void Expect(bool condition, string field, string reason)
    {
        if (!condition)
        {
            throw new InvalidManifestException(field, reason);
        }
    }
}
