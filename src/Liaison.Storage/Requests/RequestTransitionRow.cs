namespace Liaison.Storage.Requests;

/// <summary>One transition of a request, with the ledger entry that journals it.</summary>
public sealed class RequestTransitionRow
{
    public long Id { get; set; }
    public required string RequestId { get; set; }
    public int Sequence { get; set; }
    public string? FromState { get; set; }
    public required string ToState { get; set; }
    public required string Action { get; set; }
    public required string ActorId { get; set; }
    public required string ActorRole { get; set; }
    public required DateTimeOffset At { get; set; }
    public string? Reason { get; set; }
    public string? RefusalReason { get; set; }
    public long? LedgerIndex { get; set; }
}
