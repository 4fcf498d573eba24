namespace Liaison.Node.Retention;

/// <summary>
/// Where a purge announces the records it deleted, so that every node they were shared with deletes
/// its copy too. The exchange's outbox implements it (case messaging's <c>record.withdraw</c>); the
/// purge calls it after the deletion is committed and records what it answers in
/// <c>retention_withdrawals</c>. Until an implementation is registered, purged records stay
/// "withdrawal pending" and are announced by the first run that has one.
/// </summary>
public interface IRecordWithdrawals
{
    /// <summary>
    /// Queues a withdrawal of each record to every recipient it went to, durably (the purge marks the
    /// records announced once this returns), and answers which recipient each withdrawal was queued for —
    /// nothing for a record that was never shared. Called again with the same records after a crash, so it
    /// must be idempotent.
    /// </summary>
    Task<IReadOnlyList<QueuedWithdrawal>> WithdrawAsync(IReadOnlyList<PurgedRecord> records, CancellationToken ct);
}

/// <summary>A record the purge deleted: its id, case and originating node (this node for its own records).</summary>
public sealed record PurgedRecord(string RecordId, string CaseId, string OriginNode);

/// <summary>A withdrawal queued for one recipient node.</summary>
public sealed record QueuedWithdrawal(string RecordId, string Recipient);
