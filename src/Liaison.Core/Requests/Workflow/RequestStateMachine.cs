using static Liaison.Core.Requests.RequestAction;
using static Liaison.Core.Requests.RequestState;

namespace Liaison.Core.Requests.Workflow;

/// <summary>
/// The allowed transitions of a request, as data: (from, action, to). Everything not listed is illegal.
/// Approve has two targets: <see cref="RequestState.AwaitingValidation"/> when the instrument needs a
/// designated or judicial authority, else <see cref="RequestState.Approved"/>.
/// </summary>
public static class RequestStateMachine
{
    /// <summary>Every legal transition.</summary>
    public static IReadOnlyList<(RequestState From, RequestAction Action, RequestState To)> Transitions { get; } =
    [
        (Draft, Revise, Draft),
        (Draft, Approve, AwaitingValidation),
        (Draft, Approve, Approved),
        (Draft, Withdraw, Withdrawn),
        (AwaitingValidation, Validate, Approved),
        (AwaitingValidation, SendBack, Draft),
        (AwaitingValidation, Withdraw, Withdrawn),
        (Approved, Send, Sent),
        (Approved, SendBack, Draft),
        (Approved, Withdraw, Withdrawn),
        (Sent, Acknowledge, Acknowledged),
        (Sent, AskClarification, ClarificationRequested),
        (Sent, Fulfil, Fulfilled),
        (Sent, FulfilPartly, PartlyFulfilled),
        (Sent, Refuse, Refused),
        (Sent, Withdraw, Withdrawn),
        (Sent, Expire, Expired),
        (Acknowledged, AskClarification, ClarificationRequested),
        (Acknowledged, Fulfil, Fulfilled),
        (Acknowledged, FulfilPartly, PartlyFulfilled),
        (Acknowledged, Refuse, Refused),
        (Acknowledged, Withdraw, Withdrawn),
        (Acknowledged, Expire, Expired),
        (ClarificationRequested, AnswerClarification, Acknowledged),
        (ClarificationRequested, Refuse, Refused),
        (ClarificationRequested, Withdraw, Withdrawn),
    ];

    private static readonly HashSet<(RequestState, RequestAction)> Allowed = [.. Transitions.Select(t => (t.From, t.Action))];

    /// <summary>True when <paramref name="action"/> may be taken in state <paramref name="from"/> (roles and content aside).</summary>
    public static bool IsAllowed(RequestState from, RequestAction action) => Allowed.Contains((from, action));

    /// <summary>Actions the addressee takes; the actor must act for the addressee.</summary>
    public static bool IsAddresseeAction(RequestAction action) => action is Acknowledge or AskClarification or Fulfil or FulfilPartly or Refuse;

    /// <summary>Actions that must give a reason (the ledger and the other side need to know why).</summary>
    public static bool NeedsReason(RequestAction action) =>
        action is SendBack or AskClarification or AnswerClarification or FulfilPartly or Refuse or Withdraw or Expire;

    /// <summary>The roles that may take <paramref name="action"/> on a request to <paramref name="addressee"/>.</summary>
    public static IReadOnlySet<RequestRole> RolesFor(RequestAction action, AddresseeKind addressee) => action switch
    {
        Open or Revise => Roles(RequestRole.Investigator),
        Approve => Roles(RequestRole.Supervisor),
        Validate => Roles(RequestRole.DesignatedAuthority),
        SendBack => Roles(RequestRole.Supervisor, RequestRole.DesignatedAuthority),
        Send => Roles(RequestRole.LiaisonOfficer),
        AnswerClarification => Roles(RequestRole.Investigator, RequestRole.LiaisonOfficer),
        Withdraw => Roles(RequestRole.Investigator, RequestRole.Supervisor, RequestRole.LiaisonOfficer),
        Expire => Roles(RequestRole.System),
        // An agency answers through its liaison officer (central authority); a provider through its compliance team.
        _ => Roles(addressee == AddresseeKind.ServiceProvider ? RequestRole.ProviderCompliance : RequestRole.LiaisonOfficer),
    };

    private static HashSet<RequestRole> Roles(params RequestRole[] roles) => [.. roles];
}
