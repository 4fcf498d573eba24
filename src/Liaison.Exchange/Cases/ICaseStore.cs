namespace Liaison.Exchange.Cases;

/// <summary>
/// What case messaging keeps: threads, received copies, withdrawals (tombstones, so a share that
/// arrives after its withdrawal is not stored), and to whom each record was shared (so updates
/// and withdrawals reach every holder). Storage implements it on the database; when the mailbox
/// applies an incoming message these calls run inside the inbox transaction
/// (<see cref="Delivery.IInboxStore.RecordOnceAsync"/>).
/// </summary>
public interface ICaseStore
{
    Task<CaseThread?> FindThreadAsync(string threadId, CancellationToken cancellationToken = default);
    Task SaveThreadAsync(CaseThread thread, CancellationToken cancellationToken = default);

    Task<ReceivedCopy?> FindCopyAsync(string originNode, string recordId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<ReceivedCopy>> ListCopiesAsync(CancellationToken cancellationToken = default);
    Task SaveCopyAsync(ReceivedCopy copy, CancellationToken cancellationToken = default);
    Task RemoveCopyAsync(string originNode, string recordId, CancellationToken cancellationToken = default);

    /// <summary>The version at which the record was withdrawn, or null if it was not.</summary>
    Task<int?> WithdrawnAtAsync(string originNode, string recordId, CancellationToken cancellationToken = default);
    Task AddWithdrawalAsync(string originNode, string recordId, int version, CancellationToken cancellationToken = default);

    /// <summary>Remembers that this node sent the record to <paramref name="recipient"/> in <paramref name="threadId"/>.</summary>
    Task AddShareAsync(string originNode, string recordId, string recipient, string threadId, CancellationToken cancellationToken = default);
    Task<IReadOnlyList<(string Recipient, string ThreadId)>> ListSharesAsync(string originNode, string recordId, CancellationToken cancellationToken = default);

    /// <summary>Current version of one of this node's own records as last shared (0 if never shared).</summary>
    Task<int> OwnVersionAsync(string recordId, CancellationToken cancellationToken = default);
    Task SetOwnVersionAsync(string recordId, int version, CancellationToken cancellationToken = default);
}
