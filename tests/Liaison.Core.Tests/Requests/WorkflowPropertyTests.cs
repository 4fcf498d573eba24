using FsCheck.Xunit;
using Liaison.Core.Requests;
using Liaison.Core.Requests.Validation;
using Liaison.Core.Requests.Workflow;

namespace Liaison.Core.Tests.Requests;

public class WorkflowPropertyTests
{
    /// <summary>
    /// Whatever sequence of actions people attempt (each by the role allowed to take it), the history stays a
    /// chain of legal transitions, nothing happens after a request closes, and nothing is sent without both
    /// a supervisor's and the designated authority's approval.
    /// </summary>
    [Property(MaxTest = 200)]
    public bool Any_sequence_of_attempts_keeps_the_history_legal(byte[] attempts)
    {
        var f = new RequestFixtures();
        var r = f.Workflow.Open(RequestFixtures.CloudAct(), RequestFixtures.Investigator).Request;
        var actions = Enum.GetValues<RequestAction>().Where(a => a != RequestAction.Open).ToArray();
        foreach (var b in attempts ?? [])
        {
            f.Clock.Advance(TimeSpan.FromHours((b >> 4) * 5));
            try
            {
                r = Attempt(f, r, actions[b % actions.Length]);
            }
            catch (Exception e) when (e is IllegalTransitionException or RequestActionDeniedException or InvalidRequestException)
            {
                // Refused attempts leave the request as it was.
            }
        }
        var legal = RequestStateMachine.Transitions.ToHashSet();
        var chained = r.History.Skip(1).Zip(r.History).All(p => p.First.From == p.Second.To);
        var allLegal = r.History.Skip(1).All(t => legal.Contains((t.From!.Value, t.Action, t.To)));
        var firstClosed = r.History.ToList().FindIndex(t => t.To.IsClosed());
        var nothingAfterClose = firstClosed < 0 || firstClosed == r.History.Count - 1;
        var sentOnlyApproved = r.History.All(t => t.Action != RequestAction.Send)
            || (r.Approvals.Any(a => a.Role == RequestRole.Supervisor) && r.Approvals.Any(a => a.Role == RequestRole.DesignatedAuthority));
        var timesAscend = r.History.Skip(1).Zip(r.History).All(p => p.First.At >= p.Second.At);
        return chained && allLegal && nothingAfterClose && sentOnlyApproved && timesAscend && r.State == r.History[^1].To;
    }

    private static DataAccessRequest Attempt(RequestFixtures f, DataAccessRequest r, RequestAction action)
    {
        var w = f.Workflow;
        return action switch
        {
            RequestAction.Revise => w.Revise(r, r, RequestFixtures.OtherInvestigator).Request,
            RequestAction.Approve => w.Approve(r, RequestFixtures.Supervisor).Request,
            RequestAction.Validate => w.Validate(r, RequestFixtures.HomeOffice).Request,
            RequestAction.SendBack => w.SendBack(r, RequestFixtures.Supervisor, "rework").Request,
            RequestAction.Send => w.Send(r, RequestFixtures.LiaisonOfficer).Request,
            RequestAction.Acknowledge => w.Acknowledge(r, RequestFixtures.ProviderCompliance).Request,
            RequestAction.AskClarification => w.AskClarification(r, RequestFixtures.ProviderCompliance, "which?").Request,
            RequestAction.AnswerClarification => w.AnswerClarification(r, RequestFixtures.Investigator, "this").Request,
            RequestAction.Fulfil => w.Fulfil(r, RequestFixtures.ProviderCompliance).Request,
            RequestAction.FulfilPartly => w.FulfilPartly(r, RequestFixtures.ProviderCompliance, "some").Request,
            RequestAction.Refuse => w.Refuse(r, RequestFixtures.ProviderCompliance, RefusalReason.ConflictOfLaws, "no").Request,
            RequestAction.Withdraw => w.Withdraw(r, RequestFixtures.Investigator, "done").Request,
            _ => w.Expire(r, RequestFixtures.System, "late").Request,
        };
    }
}
