namespace Liaison.Core.Requests.Workflow;

/// <summary>Who may do what: legality from the state, role, organisation, reason, separation of duties.</summary>
public sealed partial class RequestWorkflow
{
    private void Begin(DataAccessRequest request, RequestAction action, RequestActor actor, string? reason)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(actor);
        if (!RequestStateMachine.IsAllowed(request.State, action))
        {
            throw new IllegalTransitionException(request.Id, request.State, action);
        }
        CheckActor(request, action, actor, reason);
    }

    private static void CheckActor(DataAccessRequest request, RequestAction action, RequestActor actor, string? reason)
    {
        if (string.IsNullOrWhiteSpace(actor.Id))
        {
            throw new RequestActionDeniedException(request.Id, action, "?", "the actor has no id");
        }
        var roles = RequestStateMachine.RolesFor(action, request.Addressee.Kind);
        if (!roles.Contains(actor.Role))
        {
            throw new RequestActionDeniedException(request.Id, action, actor.Id,
                $"acts as {actor.Role}; only {string.Join(" or ", roles.Order())} may {action}");
        }
        var forAddressee = string.Equals(actor.Organisation, request.Addressee.Id, StringComparison.Ordinal);
        if (RequestStateMachine.IsAddresseeAction(action))
        {
            if (!forAddressee)
            {
                throw new RequestActionDeniedException(request.Id, action, actor.Id, $"acts for '{actor.Organisation}', but the request is addressed to '{request.Addressee.Id}'");
            }
        }
        else if (actor.Role is RequestRole.Investigator or RequestRole.Supervisor)
        {
            if (!string.Equals(actor.Organisation, request.Requester.AuthorityId, StringComparison.Ordinal))
            {
                throw new RequestActionDeniedException(request.Id, action, actor.Id, $"acts for '{actor.Organisation}', not for the requesting authority '{request.Requester.AuthorityId}'");
            }
        }
        else if (actor.Role != RequestRole.System && forAddressee)
        {
            // A liaison officer or validating authority of the addressee must not act for the requesting side.
            throw new RequestActionDeniedException(request.Id, action, actor.Id, "acts for the addressee, which cannot act for the requesting side");
        }
        if (RequestStateMachine.NeedsReason(action) && string.IsNullOrWhiteSpace(reason))
        {
            throw new RequestActionDeniedException(request.Id, action, actor.Id, $"{action} needs a reason");
        }
    }

    /// <summary>Four eyes: whoever drafted or revised the content may not approve or validate it.</summary>
    private static void NotAContributor(DataAccessRequest request, RequestAction action, RequestActor actor, string why)
    {
        var contributed = string.Equals(request.DraftedBy, actor.Id, StringComparison.Ordinal)
            || request.History.Any(t => t.Action is RequestAction.Open or RequestAction.Revise && string.Equals(t.ActorId, actor.Id, StringComparison.Ordinal));
        if (contributed)
        {
            throw new SeparationOfDutiesException(request.Id, action, actor.Id, why);
        }
    }
}
