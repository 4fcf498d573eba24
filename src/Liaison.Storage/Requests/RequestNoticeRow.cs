namespace Liaison.Storage.Requests;

/// <summary>A deadline notice the node has acted on, by its stable key, so that each is acted on once.</summary>
public sealed class RequestNoticeRow
{
    public required string Key { get; set; }
    public required string RequestId { get; set; }
    public required string Kind { get; set; }
    public required DateTimeOffset At { get; set; }
}
