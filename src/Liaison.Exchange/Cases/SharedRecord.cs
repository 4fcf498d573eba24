using Liaison.Core.Markings;
using Liaison.Core.Model;

namespace Liaison.Exchange.Cases;

/// <summary>
/// A record as it travels in a case message: the entity (id, schema, properties) with its whole
/// envelope — origin, case, markings, grading, subject categories, legal basis, review date,
/// provenance — and the originator's version number, so that updates apply in order whatever
/// order the network delivers them in.
/// </summary>
public sealed record SharedRecord
{
    public required string Id { get; init; }
    public required string Schema { get; init; }
    public required Dictionary<string, List<string>> Properties { get; init; }
    public required int Version { get; init; }
    public required string OriginAgency { get; init; }
    public required string OriginNode { get; init; }
    public required string CaseId { get; init; }
    public required string Tlp { get; init; }
    public required string Handling { get; init; }
    public string? HandlingRestriction { get; init; }
    public required string Grading { get; init; }
    public string? Subjects { get; init; }
    public required string LegalBasis { get; init; }
    public DateOnly? ReviewDate { get; init; }
    public required string ProvenanceSource { get; init; }
    public required DateTimeOffset ProvenanceReceivedAt { get; init; }
    public required string ProvenanceReceivedBy { get; init; }

    public static SharedRecord From(EntityRecord record, int version)
    {
        ArgumentNullException.ThrowIfNull(record);
        var e = record.Envelope;
        return new SharedRecord
        {
            Id = record.Id,
            Schema = record.Schema,
            Properties = record.Properties.ToDictionary(p => p.Key, p => p.Value.ToList(), StringComparer.Ordinal),
            Version = version,
            OriginAgency = e.OriginAgency,
            OriginNode = e.OriginNode,
            CaseId = e.CaseId,
            Tlp = e.Tlp.ToLabel(),
            Handling = e.Handling.ToString(),
            HandlingRestriction = e.Handling.Restriction,
            Grading = e.Grading.ToString(),
            Subjects = e.Subjects == SubjectCategories.None ? null : e.Subjects.ToList(),
            LegalBasis = e.LegalBasis,
            ReviewDate = e.ReviewDate,
            ProvenanceSource = e.Provenance.Source,
            ProvenanceReceivedAt = e.Provenance.ReceivedAt,
            ProvenanceReceivedBy = e.Provenance.ReceivedBy,
        };
    }

    /// <summary>A fresh <see cref="EntityRecord"/> each call: changing it changes nothing held here.</summary>
    public EntityRecord ToEntityRecord() =>
        new(Id, Schema, Properties.ToDictionary(p => p.Key, p => p.Value.ToList(), StringComparer.Ordinal), ToEnvelope());

    public RecordEnvelope ToEnvelope()
    {
        if (!TlpExtensions.TryParse(Tlp, out var tlp))
        {
            throw new FormatException($"record {Id}: tlp is not a TLP 2.0 label");
        }
        var handling = Handling == "none" ? new Handling(HandlingCodes.None, HandlingRestriction)
            : Core.Markings.Handling.TryParse(Handling, HandlingRestriction, out var h) ? h
            : throw new FormatException($"record {Id}: handling is not H0-H3");
        if (!Core.Markings.Grading.TryParse(Grading, out var grading))
        {
            throw new FormatException($"record {Id}: grading is not a 4x4 grade");
        }
        if (!SubjectCategoriesExtensions.TryParseList(Subjects, out var subjects))
        {
            throw new FormatException($"record {Id}: unknown subject category");
        }
        return new RecordEnvelope
        {
            OriginAgency = OriginAgency,
            OriginNode = OriginNode,
            CaseId = CaseId,
            Tlp = tlp,
            Handling = handling,
            Grading = grading,
            Subjects = subjects,
            LegalBasis = LegalBasis,
            ReviewDate = ReviewDate,
            Provenance = new Provenance(ProvenanceSource, ProvenanceReceivedAt, ProvenanceReceivedBy),
        };
    }
}
