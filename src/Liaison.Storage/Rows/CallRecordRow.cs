namespace Liaison.Storage.Rows;

/// <summary>
/// A call-detail record. CDRs arrive by the million, so they get a narrow table of their own
/// (and the bulk path) instead of one generic record each; they export as FtM Call entities.
/// </summary>
public sealed class CallRecordRow
{
    public long Id { get; set; }
    public required string CaseId { get; set; }
    public required string Caller { get; set; }
    public required string Callee { get; set; }
    public required DateTime StartedAt { get; set; }
    public int DurationSeconds { get; set; }
    public string? CellId { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public long ImportId { get; set; }

    /// <summary>
    /// Last day the row is in force (the policy's <c>call-records</c> period from its import); null until
    /// the first retention pass after the import. Past it the row is hidden, then purged (Retention/CallRecordRetention).
    /// </summary>
    public DateOnly? ReviewDate { get; set; }
}
