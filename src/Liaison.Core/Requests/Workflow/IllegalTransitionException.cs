namespace Liaison.Core.Requests.Workflow;

/// <summary>An action that the state machine does not allow from the request's current state.</summary>
public sealed class IllegalTransitionException : Exception
{
    public IllegalTransitionException(string requestId, RequestState from, RequestAction action)
        : base($"request '{requestId}': {action} is not allowed from {from}")
    {
        RequestId = requestId;
        From = from;
        Action = action;
    }

    public IllegalTransitionException()
        : this("?", RequestState.Draft, RequestAction.Open)
    {
    }

    public IllegalTransitionException(string message)
        : base(message)
    {
        RequestId = "?";
    }

    public IllegalTransitionException(string message, Exception innerException)
        : base(message, innerException)
    {
        RequestId = "?";
    }

    public string RequestId { get; }
    public RequestState From { get; }
    public RequestAction Action { get; }
}
