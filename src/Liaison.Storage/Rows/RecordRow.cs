namespace Liaison.Storage.Rows;

/// <summary>
/// One entity/link/event with its envelope flattened into columns (so policy filters run in SQL)
/// and its multi-valued properties as JSON (values exactly as written in the source).
/// </summary>
public sealed class RecordRow
{
    public required string Id { get; set; }
    public required string Schema { get; set; }
    public required string CaseId { get; set; }
    public required string Caption { get; set; }
    public required string OriginAgency { get; set; }
    public required string OriginNode { get; set; }
    public int Tlp { get; set; }
    public int HandlingCodes { get; set; }
    public string? HandlingRestriction { get; set; }
    public required string Grading { get; set; }
    public int Subjects { get; set; }
    public required string LegalBasis { get; set; }
    public DateOnly? ReviewDate { get; set; }
    public required string ProvenanceSource { get; set; }
    public required DateTimeOffset ProvenanceAt { get; set; }
    public required string ProvenanceBy { get; set; }
    public string? ProvenanceLocator { get; set; }
    public required string PropertiesJson { get; set; }
    public long? ImportId { get; set; }
    /// <summary>True for copies received from a peer: read-only here, kept in step with the originator.</summary>
    public bool IsReceivedCopy { get; set; }
}

/// <summary>A normalised identifier of a record (E.164 phone, canonical e-mail, name key …), indexed for search and matching.</summary>
public sealed class IdentifierRow
{
    public long Id { get; set; }
    public required string RecordId { get; set; }
    public required string CaseId { get; set; }
    public int Kind { get; set; }
    public required string Value { get; set; }
    public required string Property { get; set; }
}
