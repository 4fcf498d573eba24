using System.Text.Json;
using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Storage.Rows;

namespace Liaison.Storage.Records;

/// <summary>Converts between the domain record and its row (envelope as columns, properties as JSON).</summary>
public static class RecordRowMapper
{
    public static RecordRow ToRow(EntityRecord r, long? importId, bool receivedCopy = false)
    {
        ArgumentNullException.ThrowIfNull(r);
        var e = r.Envelope;
        return new RecordRow
        {
            Id = r.Id,
            Schema = r.Schema,
            CaseId = e.CaseId,
            Caption = Truncate(r.Caption, 500),
            OriginAgency = e.OriginAgency,
            OriginNode = e.OriginNode,
            Tlp = (int)e.Tlp,
            HandlingCodes = (int)e.Handling.Codes,
            HandlingRestriction = e.Handling.Restriction,
            Grading = e.Grading.ToString(),
            Subjects = (int)e.Subjects,
            LegalBasis = e.LegalBasis,
            ReviewDate = e.ReviewDate,
            ProvenanceSource = e.Provenance.Source,
            ProvenanceAt = e.Provenance.ReceivedAt,
            ProvenanceBy = e.Provenance.ReceivedBy,
            ProvenanceLocator = e.Provenance.SourceLocator,
            PropertiesJson = JsonSerializer.Serialize(r.Properties),
            ImportId = importId,
            IsReceivedCopy = receivedCopy,
        };
    }

    public static EntityRecord ToRecord(RecordRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var props = JsonSerializer.Deserialize<Dictionary<string, List<string>>>(row.PropertiesJson) ?? [];
        Grading.TryParse(row.Grading, out var grading);
        return new EntityRecord(row.Id, row.Schema, props, new RecordEnvelope
        {
            OriginAgency = row.OriginAgency,
            OriginNode = row.OriginNode,
            CaseId = row.CaseId,
            Tlp = (Tlp)row.Tlp,
            Handling = new Handling((HandlingCodes)row.HandlingCodes, row.HandlingRestriction),
            Grading = grading,
            Subjects = (SubjectCategories)row.Subjects,
            LegalBasis = row.LegalBasis,
            ReviewDate = row.ReviewDate,
            Provenance = new Provenance(row.ProvenanceSource, row.ProvenanceAt, row.ProvenanceBy, row.ProvenanceLocator),
        });
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
