using System.Text.Json;
using Liaison.Core.Markings;
using Liaison.Core.Model;

namespace Liaison.Interchange.FtM;

/// <summary>Writes FtM entity JSON lines, with our envelope in a "liaison" block that FtM tools ignore.</summary>
public sealed class FtmWriter(Stream output) : IDisposable
{
    private readonly Utf8JsonWriter _json = new(output, new JsonWriterOptions { Indented = false, SkipValidation = true });
    private static readonly byte[] NewLine = "\n"u8.ToArray();

    public void Write(EntityRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        _json.Reset();
        _json.WriteStartObject();
        _json.WriteString("id", record.Id);
        _json.WriteString("schema", record.Schema);
        _json.WriteStartObject("properties");
        foreach (var (name, values) in record.Properties)
        {
            _json.WriteStartArray(name);
            foreach (var v in values)
            {
                _json.WriteStringValue(v);
            }
            _json.WriteEndArray();
        }
        _json.WriteEndObject();
        var e = record.Envelope;
        _json.WriteStartObject("liaison");
        _json.WriteString("case", e.CaseId);
        _json.WriteString("originAgency", e.OriginAgency);
        _json.WriteString("originNode", e.OriginNode);
        _json.WriteString("tlp", e.Tlp.ToLabel());
        _json.WriteString("handling", e.Handling.ToString());
        if (e.Handling.Restriction is { } restriction)
        {
            _json.WriteString("restriction", restriction);
        }
        _json.WriteString("grading", e.Grading.ToString());
        if (e.Subjects != SubjectCategories.None)
        {
            _json.WriteString("subjects", e.Subjects.ToList());
        }
        _json.WriteString("legalBasis", e.LegalBasis);
        if (e.ReviewDate is { } review)
        {
            _json.WriteString("reviewDate", review.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        _json.WriteString("provenance", e.Provenance.Source);
        _json.WriteEndObject();
        _json.WriteEndObject();
        _json.Flush();
        output.Write(NewLine);
    }

    public void Dispose() => _json.Dispose();
}
