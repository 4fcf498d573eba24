using Liaison.Core.Requests.Deadlines;
using Liaison.Core.Requests.Validation;

namespace Liaison.Core.Requests.Workflow;

/// <summary>
/// Moves a request through its life: draft → approved (supervisor, then a designated or judicial authority
/// where the instrument requires it) → sent → acknowledged ⇄ clarification → fulfilled, partly fulfilled,
/// refused, withdrawn or expired. Each method checks, in order, that the action is legal from the current
/// state (<see cref="IllegalTransitionException"/>), that the actor may take it
/// (<see cref="RequestActionDeniedException"/>, <see cref="SeparationOfDutiesException"/>), and that the
/// content is valid where the action releases the request (<see cref="InvalidRequestException"/>); then it
/// returns the new request and the <see cref="RequestTransition"/> to journal.
/// </summary>
public sealed partial class RequestWorkflow
{
    private readonly DataAccessRequestValidator _validator;
    private readonly TimeProvider _clock;

    public RequestWorkflow(RequestRules rules, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(clock);
        _validator = new DataAccessRequestValidator(rules);
        _clock = clock;
    }

    public RequestRules Rules => _validator.Rules;

    /// <summary>Opens a draft. The content may still be incomplete; it is validated in full on approval.</summary>
    public RequestStep Open(DataAccessRequest draft, RequestActor investigator)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(investigator);
        if (string.IsNullOrWhiteSpace(draft.Id))
        {
            throw new InvalidRequestException(draft.Id ?? "", [new(draft.Id ?? "", "id", "a request needs an id", RefusalReason.InsufficientInformation)]);
        }
        if (draft.History.Count > 0 || draft.State != RequestState.Draft)
        {
            throw new IllegalTransitionException(draft.Id, draft.State, RequestAction.Open);
        }
        CheckActor(draft, RequestAction.Open, investigator, reason: null);
        var opened = draft with { DraftedBy = investigator.Id, Approvals = [] };
        return Step(opened, null, RequestState.Draft, RequestAction.Open, investigator, null, null);
    }

    /// <summary>Replaces the content of a draft; workflow fields (id, state, approvals, history, drafter) are kept from <paramref name="request"/>.</summary>
    public RequestStep Revise(DataAccessRequest request, DataAccessRequest revised, RequestActor investigator)
    {
        ArgumentNullException.ThrowIfNull(revised);
        Begin(request, RequestAction.Revise, investigator, null);
        var next = revised with { Id = request.Id, DraftedBy = request.DraftedBy, State = request.State, Approvals = [], History = request.History };
        return Step(next, request.State, RequestState.Draft, RequestAction.Revise, investigator, null, null);
    }

    /// <summary>A supervisor approves. Goes to <see cref="RequestState.AwaitingValidation"/> if the instrument needs a validating authority.</summary>
    public RequestStep Approve(DataAccessRequest request, RequestActor supervisor, string? note = null)
    {
        Begin(request, RequestAction.Approve, supervisor, note);
        NotAContributor(request, RequestAction.Approve, supervisor, "drafted or revised this request; a different supervisor must approve it");
        _validator.EnsureValid(request);
        var profile = Rules.Instruments[request.Instrument!.Value];
        var to = profile.ValidatorsFor(request.Categories) is null ? RequestState.Approved : RequestState.AwaitingValidation;
        var approved = request with { Approvals = [.. request.Approvals, new(supervisor.Id, supervisor.Role, supervisor.Capacity, Now, note)] };
        return Step(approved, request.State, to, RequestAction.Approve, supervisor, note, null);
    }

    /// <summary>A designated or judicial authority of a capacity the instrument accepts for these data categories validates.</summary>
    public RequestStep Validate(DataAccessRequest request, RequestActor authority, string? note = null)
    {
        Begin(request, RequestAction.Validate, authority, note);
        NotAContributor(request, RequestAction.Validate, authority, "drafted or revised this request; validation must be independent");
        if (request.Approvals.Any(a => string.Equals(a.ApproverId, authority.Id, StringComparison.Ordinal)))
        {
            throw new SeparationOfDutiesException(request.Id, RequestAction.Validate, authority.Id, "already approved this request as supervisor; validation must be by another person");
        }
        _validator.EnsureValid(request);
        var profile = Rules.Instruments[request.Instrument!.Value];
        var accepted = profile.ValidatorsFor(request.Categories) ?? new HashSet<AuthorityCapacity>();
        if (authority.Capacity is not { } capacity || !accepted.Contains(capacity))
        {
            throw new RequestActionDeniedException(request.Id, RequestAction.Validate, authority.Id,
                $"acts as {authority.Capacity?.ToString() ?? "no stated capacity"}; {profile.Title} needs validation by {string.Join(", ", accepted.Order())} for {request.Categories}");
        }
        var validated = request with { Approvals = [.. request.Approvals, new(authority.Id, authority.Role, capacity, Now, note)] };
        return Step(validated, request.State, RequestState.Approved, RequestAction.Validate, authority, note, null);
    }

    /// <summary>A supervisor or validating authority returns the request to draft; approvals given so far lapse.</summary>
    public RequestStep SendBack(DataAccessRequest request, RequestActor actor, string reason)
    {
        Begin(request, RequestAction.SendBack, actor, reason);
        return Step(request with { Approvals = [] }, request.State, RequestState.Draft, RequestAction.SendBack, actor, reason, null);
    }

    /// <summary>A liaison officer sends the approved request. It is validated again: nothing invalid leaves the node.</summary>
    public RequestStep Send(DataAccessRequest request, RequestActor liaisonOfficer)
    {
        Begin(request, RequestAction.Send, liaisonOfficer, null);
        _validator.EnsureValid(request);
        return Step(request, request.State, RequestState.Sent, RequestAction.Send, liaisonOfficer, null, null);
    }

    public RequestStep Acknowledge(DataAccessRequest request, RequestActor responder) =>
        Simple(request, RequestAction.Acknowledge, RequestState.Acknowledged, responder, null);

    public RequestStep AskClarification(DataAccessRequest request, RequestActor responder, string question) =>
        Simple(request, RequestAction.AskClarification, RequestState.ClarificationRequested, responder, question);

    public RequestStep AnswerClarification(DataAccessRequest request, RequestActor actor, string answer) =>
        Simple(request, RequestAction.AnswerClarification, RequestState.Acknowledged, actor, answer);

    /// <summary>The addressee answers in full. <paramref name="note"/> may carry the evidence manifest's hash.</summary>
    public RequestStep Fulfil(DataAccessRequest request, RequestActor responder, string? note = null) =>
        Simple(request, RequestAction.Fulfil, RequestState.Fulfilled, responder, note);

    public RequestStep FulfilPartly(DataAccessRequest request, RequestActor responder, string whatIsMissing) =>
        Simple(request, RequestAction.FulfilPartly, RequestState.PartlyFulfilled, responder, whatIsMissing);

    public RequestStep Refuse(DataAccessRequest request, RequestActor responder, RefusalReason reason, string explanation)
    {
        Begin(request, RequestAction.Refuse, responder, explanation);
        return Step(request, request.State, RequestState.Refused, RequestAction.Refuse, responder, explanation, reason);
    }

    public RequestStep Withdraw(DataAccessRequest request, RequestActor actor, string reason) =>
        Simple(request, RequestAction.Withdraw, RequestState.Withdrawn, actor, reason);

    /// <summary>The node gives up an unanswered request once it is past its expiry time (see <see cref="DeadlineMonitor"/>).</summary>
    public RequestStep Expire(DataAccessRequest request, RequestActor system, string reason)
    {
        Begin(request, RequestAction.Expire, system, reason);
        var policy = Rules.Instruments[request.Instrument!.Value].Deadlines;
        var clock = RequestClock.Of(request, policy, Now);
        if (clock is null || Now < clock.ExpiresAt)
        {
            throw new RequestActionDeniedException(request.Id, RequestAction.Expire, system.Id, "the request is not past its expiry time");
        }
        return Step(request, request.State, RequestState.Expired, RequestAction.Expire, system, reason, null);
    }

    private DateTimeOffset Now => _clock.GetUtcNow();

    private RequestStep Simple(DataAccessRequest request, RequestAction action, RequestState to, RequestActor actor, string? reason)
    {
        Begin(request, action, actor, reason);
        return Step(request, request.State, to, action, actor, reason, null);
    }

    private RequestStep Step(DataAccessRequest request, RequestState? from, RequestState to, RequestAction action, RequestActor actor, string? reason, RefusalReason? refusal)
    {
        var transition = new RequestTransition(request.Id, from, to, action, actor.Id, actor.Role, Now, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(), refusal);
        return new RequestStep(request with { State = to, History = [.. request.History, transition] }, transition);
    }
}
