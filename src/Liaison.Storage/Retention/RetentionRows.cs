namespace Liaison.Storage.Retention;

/// <summary>A review extended past its date: by whom, why, from which date to which. Never deleted, so the DPO can audit extensions.</summary>
public sealed class ReviewExtensionRow
{
    public long Id { get; set; }
    public required string RecordId { get; set; }
    public required string CaseId { get; set; }
    public DateOnly? PreviousReviewDate { get; set; }
    public DateOnly ReviewDate { get; set; }
    public required string Reason { get; set; }
    public required string ExtendedBy { get; set; }
    public DateTimeOffset ExtendedAt { get; set; }
}

/// <summary>One purge: when, the cut-off it applied, how many records went, and where in the ledger it is journalled.</summary>
public sealed class PurgeRunRow
{
    public long Id { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateOnly PurgedBefore { get; set; }
    public required string StartedBy { get; set; }
    public long Records { get; set; }
    public long Identifiers { get; set; }
    /// <summary>Call-detail rows past their review date deleted by this run.</summary>
    public long CallRecords { get; set; }
    /// <summary>Null until the purge is in the ledger; a run that crashed after deleting is journalled by the next.</summary>
    public long? LedgerIndex { get; set; }
}

/// <summary>
/// A record the purge deleted: its id and case only (no content), kept so that the withdrawal reaches
/// every recipient even if the node stops between the purge and the announcement.
/// </summary>
public sealed class PurgedRecordRow
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public required string RecordId { get; set; }
    public required string CaseId { get; set; }
    public required string OriginNode { get; set; }
    public DateOnly? ReviewDate { get; set; }
    /// <summary>When the withdrawal was handed to the exchange; null while no outbox has taken it.</summary>
    public DateTimeOffset? AnnouncedAt { get; set; }
}

/// <summary>Which purged record was withdrawn from which recipient: "purged for whom".</summary>
public sealed class RecordWithdrawalRow
{
    public long Id { get; set; }
    public long RunId { get; set; }
    public required string RecordId { get; set; }
    public required string Recipient { get; set; }
    public DateTimeOffset QueuedAt { get; set; }
}
