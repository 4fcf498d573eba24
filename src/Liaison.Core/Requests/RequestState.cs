namespace Liaison.Core.Requests;

/// <summary>Where a request stands in its workflow (see <see cref="Workflow.RequestStateMachine"/>).</summary>
public enum RequestState
{
    Draft,

    /// <summary>A supervisor approved; the instrument also needs a designated or judicial authority to validate it.</summary>
    AwaitingValidation,

    /// <summary>Every approval the instrument needs is given; ready to send.</summary>
    Approved,

    Sent,
    Acknowledged,

    /// <summary>The addressee asked a question; deadlines do not run until it is answered.</summary>
    ClarificationRequested,

    Fulfilled,
    PartlyFulfilled,
    Refused,
    Withdrawn,
    Expired,
}

/// <summary>Helpers over <see cref="RequestState"/>.</summary>
public static class RequestStates
{
    /// <summary>A terminal state: nothing more can happen to the request.</summary>
    public static bool IsClosed(this RequestState state) =>
        state is RequestState.Fulfilled or RequestState.PartlyFulfilled or RequestState.Refused or RequestState.Withdrawn or RequestState.Expired;

    /// <summary>With the addressee: sent and not yet answered.</summary>
    public static bool IsOutstanding(this RequestState state) =>
        state is RequestState.Sent or RequestState.Acknowledged or RequestState.ClarificationRequested;
}
