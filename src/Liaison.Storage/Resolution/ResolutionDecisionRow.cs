namespace Liaison.Storage.Resolution;

/// <summary>
/// An analyst's merge or split of two records of a case (entity resolution). Never deleted: a
/// revocation is stamped on the row, so the history of who decided what stays readable.
/// </summary>
public sealed class ResolutionDecisionRow
{
    public long Id { get; set; }
    public required string CaseId { get; set; }

    /// <summary>"merge" or "split".</summary>
    public required string Kind { get; set; }
    public required string RecordA { get; set; }
    public required string RecordB { get; set; }
    public required string DecidedBy { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
}
