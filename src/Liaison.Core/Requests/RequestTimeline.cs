namespace Liaison.Core.Requests;

/// <summary>Moments in a request's life, read from its history.</summary>
public static class RequestTimeline
{
    /// <summary>When the request was opened; null for a request that was never opened through the workflow.</summary>
    public static DateTimeOffset? OpenedAt(DataAccessRequest request) =>
        request?.History.FirstOrDefault(t => t.Action == RequestAction.Open)?.At;

    /// <summary>When the request was sent; null if never.</summary>
    public static DateTimeOffset? SentAt(DataAccessRequest request) =>
        request?.History.LastOrDefault(t => t.To == RequestState.Sent)?.At;

    /// <summary>When the request was answered with data (fulfilled or partly); null if not.</summary>
    public static DateTimeOffset? FulfilledAt(DataAccessRequest request) =>
        request?.History.LastOrDefault(t => t.To is RequestState.Fulfilled or RequestState.PartlyFulfilled)?.At;

    /// <summary>The refusal reason code, if the request was refused.</summary>
    public static RefusalReason? RefusalReason(DataAccessRequest request) =>
        request?.History.LastOrDefault(t => t.To == RequestState.Refused)?.RefusalReason;
}
