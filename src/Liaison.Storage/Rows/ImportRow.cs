namespace Liaison.Storage.Rows;

/// <summary>One imported file: what, when, by whom, with what outcome (provenance of its records).</summary>
public sealed class ImportRow
{
    public long Id { get; set; }
    public required string FileName { get; set; }
    public required string Format { get; set; }
    public required string Sha256 { get; set; }
    public required string CaseId { get; set; }
    public required DateTimeOffset ImportedAt { get; set; }
    public required string ImportedBy { get; set; }
    public long Accepted { get; set; }
    public long Rejected { get; set; }
}
