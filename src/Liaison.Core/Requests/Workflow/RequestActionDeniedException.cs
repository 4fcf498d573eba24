namespace Liaison.Core.Requests.Workflow;

/// <summary>An actor who may not take an action on a request: wrong role, wrong organisation, missing reason or capacity.</summary>
public class RequestActionDeniedException : Exception
{
    public RequestActionDeniedException(string requestId, RequestAction action, string actorId, string reason)
        : base($"request '{requestId}': user '{actorId}' may not {action}: {reason}")
    {
        RequestId = requestId;
        Action = action;
        ActorId = actorId;
        Reason = reason;
    }

    public RequestActionDeniedException()
        : this("?", RequestAction.Open, "?", "denied")
    {
    }

    public RequestActionDeniedException(string message)
        : base(message)
    {
        RequestId = "?";
        ActorId = "?";
        Reason = message;
    }

    public RequestActionDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
        RequestId = "?";
        ActorId = "?";
        Reason = message;
    }

    public string RequestId { get; }
    public RequestAction Action { get; }
    public string ActorId { get; }
    public string Reason { get; }
}

/// <summary>Denied because the actor already took part in the request (drafted, revised or approved it): four eyes.</summary>
public sealed class SeparationOfDutiesException : RequestActionDeniedException
{
    public SeparationOfDutiesException(string requestId, RequestAction action, string actorId, string reason)
        : base(requestId, action, actorId, reason)
    {
    }

    public SeparationOfDutiesException()
    {
    }

    public SeparationOfDutiesException(string message)
        : base(message)
    {
    }

    public SeparationOfDutiesException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
