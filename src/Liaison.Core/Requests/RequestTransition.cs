namespace Liaison.Core.Requests;

/// <summary>
/// One step of a request's life, to be journalled in the ledger by the node. It names the request and
/// the actor by id; the reason is the actor's own text (a question, a refusal explanation), so it must
/// not carry personal data beyond what the case requires.
/// </summary>
/// <param name="RequestId">The request.</param>
/// <param name="From">State before the step; null when the request was opened.</param>
/// <param name="To">State after the step.</param>
/// <param name="Action">What was done.</param>
/// <param name="ActorId">Who did it (user id, or "system").</param>
/// <param name="ActorRole">In which role.</param>
/// <param name="At">When, from the node's <see cref="TimeProvider"/>.</param>
/// <param name="Reason">Why: required for send-back, clarification, partial fulfilment, refusal, withdrawal and expiry.</param>
/// <param name="RefusalReason">The reason code of a refusal.</param>
public sealed record RequestTransition(
    string RequestId,
    RequestState? From,
    RequestState To,
    RequestAction Action,
    string ActorId,
    RequestRole ActorRole,
    DateTimeOffset At,
    string? Reason = null,
    RefusalReason? RefusalReason = null);
