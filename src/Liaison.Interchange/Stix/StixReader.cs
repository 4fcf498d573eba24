using System.Text.Json;
using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Interchange.Text;

namespace Liaison.Interchange.Stix;

/// <summary>
/// STIX 2.1 bundles from threat-intelligence platforms (MISP, OpenCTI): identity (individual → Person,
/// otherwise Organization), threat-actor (Person), location (Address), email-addr (Email), phone
/// observables (the custom <c>x-phone-number</c>/<c>phone-number</c> objects MISP emits) and
/// relationship (Association). Other object types are reported, not silently dropped.
/// TLP marking-definitions referenced by objects set the record's TLP.
/// </summary>
public static class StixReader
{
    public const long MaxBundleBytes = 256L * 1024 * 1024;

    private static readonly Dictionary<string, Tlp> TlpMarkings = new(StringComparer.Ordinal)
    {
        // The fixed ids STIX 2.1 and TLP 2.0 extension define for the TLP marking-definitions.
        ["marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9"] = Tlp.Clear,
        ["marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487"] = Tlp.Clear,
        ["marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da"] = Tlp.Green,
        ["marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"] = Tlp.Green,
        ["marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"] = Tlp.Amber,
        ["marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421"] = Tlp.Amber,
        ["marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003"] = Tlp.AmberStrict,
        ["marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed"] = Tlp.Red,
        ["marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1"] = Tlp.Red,
    };

    public static IEnumerable<EntityRecord> Read(Stream stream, ImportContext context)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(context);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            throw new InputFormatException(context.FileName, (e.LineNumber ?? 0) + 1, "(json)", "malformed JSON");
        }
        catch (System.Text.DecoderFallbackException)
        {
            throw new InputFormatException(context.FileName, 1, "(encoding)", "is not valid UTF-8");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.GetString() != "bundle")
            {
                throw new InputFormatException(context.FileName, 1, "type", "a STIX file must be a bundle ({\"type\":\"bundle\",\"objects\":[…]})");
            }
            if (!root.TryGetProperty("objects", out var objects) || objects.ValueKind != JsonValueKind.Array)
            {
                throw new InputFormatException(context.FileName, 1, "objects", "the bundle has no objects array");
            }
            var records = new List<EntityRecord>();
            var index = 0;
            foreach (var o in objects.EnumerateArray())
            {
                index++;
                var record = Map(o, index, context);
                if (record is not null)
                {
                    records.Add(record);
                }
            }
            return records;
        }
    }

    private static EntityRecord? Map(JsonElement o, int index, ImportContext context)
    {
        string? S(string name) => o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var where = $"objects[{index - 1}]";
        var type = S("type") ?? throw new InputFormatException(context.FileName, index, where + ".type", "is missing");
        var id = S("id") ?? throw new InputFormatException(context.FileName, index, where + ".id", "is missing");
        var props = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Put(string property, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                props[property] = [value];
            }
        }
        string schema;
        switch (type)
        {
            case "identity":
                schema = S("identity_class") == "individual" ? "Person" : "Organization";
                Put("name", S("name"));
                Put("description", S("description"));
                Put("email", S("contact_information") is { } ci && ci.Contains('@', StringComparison.Ordinal) ? ci : null);
                break;
            case "threat-actor":
                schema = "Person";
                Put("name", S("name"));
                Put("description", S("description"));
                if (o.TryGetProperty("aliases", out var aliases) && aliases.ValueKind == JsonValueKind.Array)
                {
                    props["alias"] = aliases.EnumerateArray().Select(a => a.GetString() ?? "").Where(a => a.Length > 0).ToList();
                }
                break;
            case "location":
                schema = "Address";
                Put("name", S("name"));
                Put("city", S("city"));
                Put("country", S("country"));
                Put("street", S("street_address"));
                Put("postalCode", S("postal_code"));
                if (o.TryGetProperty("latitude", out var lat) && lat.ValueKind == JsonValueKind.Number)
                {
                    Put("latitude", lat.GetRawText());
                }
                if (o.TryGetProperty("longitude", out var lon) && lon.ValueKind == JsonValueKind.Number)
                {
                    Put("longitude", lon.GetRawText());
                }
                break;
            case "email-addr":
                schema = "Email";
                Put("email", S("value"));
                Put("name", S("display_name"));
                break;
            case "x-phone-number" or "phone-number":
                schema = "Phone";
                Put("number", S("value") ?? S("number"));
                break;
            case "relationship":
                schema = "Association";
                Put("subject", S("source_ref"));
                Put("object", S("target_ref"));
                Put("relationship", S("relationship_type"));
                Put("description", S("description"));
                break;
            case "marking-definition" or "extension-definition" or "language-content" or "note" or "report" or "grouping":
                // Metadata objects: markings are applied below; the rest carries no entities.
                return null;
            default:
                throw new InputFormatException(context.FileName, index, where + ".type", $"STIX type '{type}' is not one Liaison imports");
        }
        var envelope = context.DefaultEnvelope(index) with
        {
            Provenance = new Provenance("file:" + context.FileName, context.ImportedAt, context.ImportedBy, where),
        };
        if (o.TryGetProperty("object_marking_refs", out var markings) && markings.ValueKind == JsonValueKind.Array)
        {
            foreach (var m in markings.EnumerateArray())
            {
                if (m.GetString() is { } mid && TlpMarkings.TryGetValue(mid, out var tlp))
                {
                    envelope = envelope with { Tlp = tlp };
                }
            }
        }
        return new EntityRecord(id, schema, props, envelope);
    }
}
