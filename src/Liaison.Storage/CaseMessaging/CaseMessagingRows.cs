namespace Liaison.Storage.CaseMessaging;

/// <summary>A case thread with a peer: filed under <see cref="CaseReference"/> (the originating node's case), participants space-separated.</summary>
public sealed class CaseThreadRow
{
    public required string ThreadId { get; set; }
    public required string CaseReference { get; set; }
    public required string Subject { get; set; }
    public required string Participants { get; set; }
}

/// <summary>One message of a thread: author, time, text, and the attached records as sent (JSON list of <c>SharedRecord</c>).</summary>
public sealed class CaseMessageRow
{
    public required string MessageId { get; set; }
    public required string ThreadId { get; set; }
    public required string Author { get; set; }
    public required DateTimeOffset SentAt { get; set; }
    public required string Text { get; set; }
    public required string RecordsJson { get; set; }
}

/// <summary>Which record (by its originator and id) this node sent to which peer, in which thread: who gets updates and withdrawals.</summary>
public sealed class CaseShareRow
{
    public required string OriginNode { get; set; }
    public required string RecordId { get; set; }
    public required string Recipient { get; set; }
    public required string ThreadId { get; set; }
}

/// <summary>
/// A record received from a peer. The record itself is a row of <c>records</c> under
/// <see cref="LocalId"/> (<c>{origin}/{id}</c>, flagged received copy); this row keeps what it came
/// with: the shared form with its version (JSON of <c>SharedRecord</c>), who shared it, when, in which thread.
/// </summary>
public sealed class ReceivedCopyRow
{
    public required string OriginNode { get; set; }
    public required string RecordId { get; set; }
    public required string LocalId { get; set; }
    public required string SharedBy { get; set; }
    public required string ThreadId { get; set; }
    public required DateTimeOffset ReceivedAt { get; set; }
    public int Version { get; set; }
    public required string SharedJson { get; set; }
}

/// <summary>A withdrawn record (tombstone): a share of it at or below <see cref="Version"/> that arrives later is not stored.</summary>
public sealed class CaseWithdrawalRow
{
    public required string OriginNode { get; set; }
    public required string RecordId { get; set; }
    public int Version { get; set; }
}

/// <summary>The version at which this node last shared one of its own records.</summary>
public sealed class OwnRecordVersionRow
{
    public required string RecordId { get; set; }
    public int Version { get; set; }
}
