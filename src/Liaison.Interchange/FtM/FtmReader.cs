using System.Globalization;
using System.Text.Json;
using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Interchange.Text;

namespace Liaison.Interchange.FtM;

/// <summary>
/// FollowTheMoney entity JSON lines (one <c>{"id","schema","properties"}</c> object per line, as
/// Aleph and ftm export them). Properties we do not model are kept as text. A "liaison" block, which
/// our exporter writes, carries the envelope so that export → import is lossless.
/// </summary>
public sealed class FtmReader(LineReader lines, ImportContext context)
{
    public long Line => lines.LineNumber;
    public long Position => lines.Position;

    public EntityRecord? Read()
    {
        string? text;
        do
        {
            text = lines.ReadLine();
            if (text is null)
            {
                return null;
            }
        }
        while (string.IsNullOrWhiteSpace(text));
        return Parse(text, lines.LineNumber);
    }

    private EntityRecord Parse(string text, long line)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException e)
        {
            throw new InputFormatException(context.FileName, line, "(json)", $"malformed JSON at byte {e.BytePositionInLine}");
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InputFormatException(context.FileName, line, "(json)", "each line must be a JSON object");
            }
            var id = String(root, "id", line) ?? throw new InputFormatException(context.FileName, line, "id", "is missing");
            var schema = String(root, "schema", line) ?? throw new InputFormatException(context.FileName, line, "schema", "is missing");
            var properties = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            if (root.TryGetProperty("properties", out var props))
            {
                if (props.ValueKind != JsonValueKind.Object)
                {
                    throw new InputFormatException(context.FileName, line, "properties", "must be an object of arrays");
                }
                foreach (var p in props.EnumerateObject())
                {
                    var values = new List<string>();
                    if (p.Value.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var v in p.Value.EnumerateArray())
                        {
                            values.Add(Scalar(v, p.Name, line));
                        }
                    }
                    else
                    {
                        values.Add(Scalar(p.Value, p.Name, line));
                    }
                    properties[p.Name] = values;
                }
            }
            var envelope = root.TryGetProperty("liaison", out var block) ? ReadEnvelope(block, line) : context.DefaultEnvelope(line);
            return new EntityRecord(id, schema, properties, envelope);
        }
    }

    private RecordEnvelope ReadEnvelope(JsonElement e, long line)
    {
        var basis = context.DefaultEnvelope(line);
        string? S(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var tlp = basis.Tlp;
        if (S("tlp") is { } t && !TlpExtensions.TryParse(t, out tlp))
        {
            throw new InputFormatException(context.FileName, line, "liaison.tlp", "is not a TLP 2.0 marking");
        }
        var handling = basis.Handling;
        if (S("handling") is { } h && !Handling.TryParse(h, S("restriction"), out handling))
        {
            throw new InputFormatException(context.FileName, line, "liaison.handling", "is not a handling code (H0–H3)");
        }
        var grading = basis.Grading;
        if (S("grading") is { } g && !Grading.TryParse(g, out grading))
        {
            throw new InputFormatException(context.FileName, line, "liaison.grading", "is not a 4x4 grade such as B2");
        }
        if (!SubjectCategoriesExtensions.TryParseList(S("subjects"), out var subjects))
        {
            throw new InputFormatException(context.FileName, line, "liaison.subjects", "lists an unknown subject category");
        }
        DateOnly? review = null;
        if (S("reviewDate") is { } r)
        {
            if (!DateOnly.TryParseExact(r, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                throw new InputFormatException(context.FileName, line, "liaison.reviewDate", "is not a date (YYYY-MM-DD)");
            }
            review = d;
        }
        return basis with
        {
            CaseId = S("case") ?? basis.CaseId,
            OriginAgency = S("originAgency") ?? basis.OriginAgency,
            OriginNode = S("originNode") ?? basis.OriginNode,
            Tlp = tlp,
            Handling = handling,
            Grading = grading,
            Subjects = subjects,
            LegalBasis = S("legalBasis") ?? basis.LegalBasis,
            ReviewDate = review,
        };
    }

    private string? String(JsonElement root, string name, long line)
    {
        if (!root.TryGetProperty(name, out var v))
        {
            return null;
        }
        return v.ValueKind == JsonValueKind.String ? v.GetString() : throw new InputFormatException(context.FileName, line, name, "must be a string");
    }

    private string Scalar(JsonElement v, string property, long line) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString()!,
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => v.GetRawText(),
        _ => throw new InputFormatException(context.FileName, line, property, "values must be strings or numbers"),
    };
}
