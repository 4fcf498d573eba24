using Liaison.Core.Requests;
using Liaison.Core.Requests.Workflow;

namespace Liaison.Core.Tests.Requests;

public class StateMachineTests
{
    public static TheoryData<RequestState, RequestAction> EveryStateAndAction()
    {
        var data = new TheoryData<RequestState, RequestAction>();
        foreach (var s in Enum.GetValues<RequestState>())
        {
            foreach (var a in Enum.GetValues<RequestAction>().Where(a => a != RequestAction.Open))
            {
                data.Add(s, a);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndAction))]
    public void Every_action_from_every_state_is_taken_only_when_the_table_allows_it(RequestState state, RequestAction action)
    {
        var f = new RequestFixtures();
        var request = f.InState(state);
        Assert.Equal(state, request.State);
        var legal = RequestStateMachine.Transitions.Where(t => t.From == state && t.Action == action).Select(t => t.To).ToList();

        if (legal.Count == 0)
        {
            var e = Assert.Throws<IllegalTransitionException>(() => Act(f, request, action));
            Assert.Equal(request.Id, e.RequestId);
            Assert.Equal(state, e.From);
            Assert.Equal(action, e.Action);
            Assert.Contains(request.Id, e.Message, StringComparison.Ordinal);
        }
        else
        {
            var step = Act(f, request, action);
            Assert.Contains(step.Request.State, legal);
            Assert.Equal(state, step.Transition.From);
            Assert.Equal(step.Request.State, step.Transition.To);
            Assert.Equal(action, step.Transition.Action);
            Assert.Same(step.Transition, step.Request.History[^1]);
        }
    }

    [Fact]
    public void Open_is_only_for_a_new_draft()
    {
        var f = new RequestFixtures();
        var opened = f.Workflow.Open(RequestFixtures.CloudAct(), RequestFixtures.Investigator);
        Assert.Null(opened.Transition.From);
        Assert.Equal(RequestState.Draft, opened.Transition.To);
        Assert.Equal("inv-ana", opened.Request.DraftedBy);

        var e = Assert.Throws<IllegalTransitionException>(() => f.Workflow.Open(opened.Request, RequestFixtures.Investigator));
        Assert.Equal(RequestAction.Open, e.Action);
    }

    [Fact]
    public void Closed_states_allow_nothing()
    {
        var closed = Enum.GetValues<RequestState>().Where(s => s.IsClosed());
        Assert.Equal(5, closed.Count());
        Assert.DoesNotContain(RequestStateMachine.Transitions, t => t.From.IsClosed());
    }

    [Fact]
    public void Every_state_is_reachable_from_draft()
    {
        var reached = new HashSet<RequestState> { RequestState.Draft };
        var grew = true;
        while (grew)
        {
            grew = false;
            foreach (var t in RequestStateMachine.Transitions.Where(t => reached.Contains(t.From)))
            {
                grew |= reached.Add(t.To);
            }
        }
        Assert.Equal(Enum.GetValues<RequestState>().ToHashSet(), reached);
    }

    /// <summary>Takes <paramref name="action"/> as the actor who is allowed to take it, with a reason where one is needed.</summary>
    private static RequestStep Act(RequestFixtures f, DataAccessRequest r, RequestAction action)
    {
        var w = f.Workflow;
        switch (action)
        {
            case RequestAction.Revise: return w.Revise(r, r with { NecessityStatement = RequestFixtures.Statement + " Revised." }, RequestFixtures.Investigator);
            case RequestAction.Approve: return w.Approve(r, RequestFixtures.Supervisor);
            case RequestAction.Validate: return w.Validate(r, RequestFixtures.HomeOffice);
            case RequestAction.SendBack: return w.SendBack(r, RequestFixtures.Supervisor, "add the account creation date");
            case RequestAction.Send: return w.Send(r, RequestFixtures.LiaisonOfficer);
            case RequestAction.Acknowledge: return w.Acknowledge(r, RequestFixtures.ProviderCompliance);
            case RequestAction.AskClarification: return w.AskClarification(r, RequestFixtures.ProviderCompliance, "Which account?");
            case RequestAction.AnswerClarification: return w.AnswerClarification(r, RequestFixtures.LiaisonOfficer, "The prepaid one.");
            case RequestAction.Fulfil: return w.Fulfil(r, RequestFixtures.ProviderCompliance);
            case RequestAction.FulfilPartly: return w.FulfilPartly(r, RequestFixtures.ProviderCompliance, "content not retained");
            case RequestAction.Refuse: return w.Refuse(r, RequestFixtures.ProviderCompliance, RefusalReason.DataNoLongerHeld, "account deleted in 2023");
            case RequestAction.Withdraw: return w.Withdraw(r, RequestFixtures.Investigator, "suspect charged; data no longer needed");
            case RequestAction.Expire:
                f.Clock.Advance(TimeSpan.FromDays(60));
                return w.Expire(r, RequestFixtures.System, "no answer");
            default: throw new ArgumentOutOfRangeException(nameof(action));
        }
    }
}
