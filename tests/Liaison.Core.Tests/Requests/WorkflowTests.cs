using Liaison.Core.Requests;
using Liaison.Core.Requests.Validation;
using Liaison.Core.Requests.Workflow;

namespace Liaison.Core.Tests.Requests;

public class WorkflowTests
{
    private readonly RequestFixtures _f = new();

    [Fact]
    public void Cloud_act_request_goes_from_draft_to_fulfilled_with_a_journal_entry_per_step()
    {
        var w = _f.Workflow;
        var steps = new List<RequestStep>();
        var r = Record(steps, w.Open(RequestFixtures.CloudAct(), RequestFixtures.Investigator));
        _f.Clock.Advance(TimeSpan.FromHours(1));
        r = Record(steps, w.Approve(r, RequestFixtures.Supervisor, "proportionate"));
        Assert.Equal(RequestState.AwaitingValidation, r.State);
        r = Record(steps, w.Validate(r, RequestFixtures.HomeOffice));
        r = Record(steps, w.Send(r, RequestFixtures.LiaisonOfficer));
        r = Record(steps, w.Acknowledge(r, RequestFixtures.ProviderCompliance));
        _f.Clock.Advance(TimeSpan.FromDays(2));
        r = Record(steps, w.Fulfil(r, RequestFixtures.ProviderCompliance, "manifest sha256:ab12"));

        Assert.Equal(RequestState.Fulfilled, r.State);
        Assert.Equal(
            [RequestAction.Open, RequestAction.Approve, RequestAction.Validate, RequestAction.Send, RequestAction.Acknowledge, RequestAction.Fulfil],
            r.History.Select(t => t.Action));
        Assert.Equal(steps.Select(s => s.Transition), r.History);
        Assert.All(r.History, t => Assert.Equal("req-1", t.RequestId));
        Assert.Equal(RequestFixtures.Start, r.History[0].At);
        Assert.Equal(RequestFixtures.Start.AddHours(1).AddDays(2), r.History[^1].At);
        Assert.Equal(["sup-ben", "da-ho"], r.Approvals.Select(a => a.ApproverId));
        Assert.Equal(AuthorityCapacity.DesignatedAuthority, r.Approvals[1].Capacity);
    }

    [Fact]
    public void Instrument_without_validation_goes_straight_to_approved()
    {
        var mla = _f.Workflow.Open(RequestFixtures.Mlat(), RequestFixtures.Investigator).Request;
        Assert.Equal(RequestState.Approved, _f.Workflow.Approve(mla, RequestFixtures.Supervisor).Request.State);
    }

    [Fact]
    public void Steps_do_not_change_the_request_they_were_given()
    {
        var draft = _f.Workflow.Open(RequestFixtures.CloudAct(), RequestFixtures.Investigator).Request;
        _f.Workflow.Approve(draft, RequestFixtures.Supervisor);
        Assert.Equal(RequestState.Draft, draft.State);
        Assert.Single(draft.History);
    }

    [Fact]
    public void Drafter_cannot_approve_their_own_request_even_as_a_supervisor()
    {
        var draft = _f.Workflow.Open(RequestFixtures.CloudAct(), RequestFixtures.Investigator).Request;
        var sameAsSupervisor = RequestFixtures.Investigator with { Role = RequestRole.Supervisor };
        var e = Assert.Throws<SeparationOfDutiesException>(() => _f.Workflow.Approve(draft, sameAsSupervisor));
        Assert.Equal("inv-ana", e.ActorId);
        Assert.Equal(RequestAction.Approve, e.Action);
        Assert.Equal("req-1", e.RequestId);
    }

    [Fact]
    public void Someone_who_revised_the_draft_cannot_approve_it()
    {
        var w = _f.Workflow;
        var draft = w.Open(RequestFixtures.CloudAct(), RequestFixtures.Investigator).Request;
        var revised = w.Revise(draft, draft with { MaximumPenaltyYears = 14 }, RequestFixtures.OtherInvestigator).Request;
        var reviserAsSupervisor = RequestFixtures.OtherInvestigator with { Role = RequestRole.Supervisor };
        Assert.Throws<SeparationOfDutiesException>(() => w.Approve(revised, reviserAsSupervisor));
        Assert.Equal(RequestState.AwaitingValidation, w.Approve(revised, RequestFixtures.Supervisor).Request.State);
    }

    [Fact]
    public void Revise_keeps_the_drafter_and_history_whatever_the_new_content_says()
    {
        var w = _f.Workflow;
        var draft = w.Open(RequestFixtures.CloudAct(), RequestFixtures.Investigator).Request;
        var forged = RequestFixtures.CloudAct("other-id") with { DraftedBy = "someone-else", State = RequestState.Approved };
        var revised = w.Revise(draft, forged, RequestFixtures.OtherInvestigator).Request;
        Assert.Equal("req-1", revised.Id);
        Assert.Equal("inv-ana", revised.DraftedBy);
        Assert.Equal(RequestState.Draft, revised.State);
        Assert.Equal(2, revised.History.Count);
    }

    [Fact]
    public void Supervisor_who_approved_cannot_also_validate()
    {
        var w = _f.Workflow;
        var approved = w.Approve(w.Open(RequestFixtures.CloudAct(), RequestFixtures.Investigator).Request, RequestFixtures.Supervisor).Request;
        var supervisorAsAuthority = RequestFixtures.Supervisor with { Role = RequestRole.DesignatedAuthority, Capacity = AuthorityCapacity.DesignatedAuthority, Organisation = "gb-home-office" };
        Assert.Throws<SeparationOfDutiesException>(() => w.Validate(approved, supervisorAsAuthority));
    }

    [Fact]
    public void Investigator_cannot_approve_and_supervisor_cannot_send()
    {
        var w = _f.Workflow;
        var draft = w.Open(RequestFixtures.CloudAct(), RequestFixtures.Investigator).Request;
        var e = Assert.Throws<RequestActionDeniedException>(() => w.Approve(draft, RequestFixtures.OtherInvestigator));
        Assert.Contains("Supervisor", e.Reason, StringComparison.Ordinal);
        var approved = w.Validate(w.Approve(draft, RequestFixtures.Supervisor).Request, RequestFixtures.HomeOffice).Request;
        Assert.Throws<RequestActionDeniedException>(() => w.Send(approved, RequestFixtures.Supervisor));
    }

    [Fact]
    public void Supervisor_of_another_agency_cannot_approve()
    {
        var draft = _f.Workflow.Open(RequestFixtures.CloudAct(), RequestFixtures.Investigator).Request;
        var foreign = RequestFixtures.Supervisor with { Organisation = "fr-police" };
        Assert.Throws<RequestActionDeniedException>(() => _f.Workflow.Approve(draft, foreign));
    }

    [Fact]
    public void Only_the_addressee_can_answer()
    {
        var sent = _f.Sent();
        var otherProvider = RequestFixtures.ProviderCompliance with { Organisation = "us-other" };
        var e = Assert.Throws<RequestActionDeniedException>(() => _f.Workflow.Fulfil(sent, otherProvider));
        Assert.Contains("us-telco", e.Message, StringComparison.Ordinal);
        Assert.Throws<RequestActionDeniedException>(() => _f.Workflow.Acknowledge(sent, RequestFixtures.LiaisonOfficer));
    }

    [Fact]
    public void Agency_addressee_answers_through_its_liaison_officer()
    {
        var w = _f.Workflow;
        var r = w.Open(RequestFixtures.Mlat(), RequestFixtures.Investigator).Request;
        r = w.Send(w.Approve(r, RequestFixtures.Supervisor).Request, RequestFixtures.LiaisonOfficer).Request;
        Assert.Throws<RequestActionDeniedException>(() => w.Acknowledge(r, RequestFixtures.ProviderCompliance with { Organisation = "es-policia" }));
        Assert.Throws<RequestActionDeniedException>(() => w.Acknowledge(r, RequestFixtures.LiaisonOfficer));
        Assert.Equal(RequestState.Acknowledged, w.Acknowledge(r, RequestFixtures.SpanishLiaison).Request.State);
    }

    [Fact]
    public void Addressee_staff_cannot_act_for_the_requesting_side()
    {
        var w = _f.Workflow;
        var asked = w.AskClarification(_f.Sent(), RequestFixtures.ProviderCompliance, "Which account?").Request;
        var providerLiaison = new RequestActor("lo-x", "us-telco", RequestRole.LiaisonOfficer);
        Assert.Throws<RequestActionDeniedException>(() => w.AnswerClarification(asked, providerLiaison, "self-answered"));
    }

    [Theory]
    [InlineData(RequestAction.Refuse)]
    [InlineData(RequestAction.Withdraw)]
    [InlineData(RequestAction.AskClarification)]
    [InlineData(RequestAction.FulfilPartly)]
    public void Actions_that_end_or_pause_a_request_need_a_reason(RequestAction action)
    {
        var sent = _f.Sent();
        var w = _f.Workflow;
        Action act = action switch
        {
            RequestAction.Refuse => () => w.Refuse(sent, RequestFixtures.ProviderCompliance, RefusalReason.ConflictOfLaws, " "),
            RequestAction.Withdraw => () => w.Withdraw(sent, RequestFixtures.Investigator, ""),
            RequestAction.AskClarification => () => w.AskClarification(sent, RequestFixtures.ProviderCompliance, ""),
            _ => () => w.FulfilPartly(sent, RequestFixtures.ProviderCompliance, ""),
        };
        var e = Assert.Throws<RequestActionDeniedException>(act);
        Assert.Contains("needs a reason", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Refusal_records_its_reason_code()
    {
        var refused = _f.Workflow.Refuse(_f.Sent(), RequestFixtures.ProviderCompliance, RefusalReason.ProtectedPerson, "account holder is a US person").Request;
        Assert.Equal(RefusalReason.ProtectedPerson, refused.History[^1].RefusalReason);
        Assert.Equal(RefusalReason.ProtectedPerson, RequestTimeline.RefusalReason(refused));
    }

    [Fact]
    public void Clarification_can_loop_until_the_request_is_answered()
    {
        var w = _f.Workflow;
        var r = w.Acknowledge(_f.Sent(), RequestFixtures.ProviderCompliance).Request;
        for (var i = 0; i < 3; i++)
        {
            r = w.AskClarification(r, RequestFixtures.ProviderCompliance, "Which period exactly?").Request;
            r = w.AnswerClarification(r, RequestFixtures.Investigator, "1 Dec to 1 Mar.").Request;
        }
        r = w.FulfilPartly(r, RequestFixtures.ProviderCompliance, "December no longer retained").Request;
        Assert.Equal(RequestState.PartlyFulfilled, r.State);
        Assert.Equal(6, r.History.Count(t => t.Action is RequestAction.AskClarification or RequestAction.AnswerClarification));
    }

    [Fact]
    public void Invalid_request_is_not_approved_and_says_why()
    {
        var w = _f.Workflow;
        var draft = w.Open(RequestFixtures.CloudAct() with { CaseId = "", Instrument = null, NecessityStatement = "needed" }, RequestFixtures.Investigator).Request;
        var e = Assert.Throws<InvalidRequestException>(() => w.Approve(draft, RequestFixtures.Supervisor));
        Assert.Equal("req-1", e.RequestId);
        Assert.Equal(["caseId", "necessityStatement", "instrument"], e.Errors.Select(x => x.Field));
    }

    [Fact]
    public void Nothing_invalid_is_sent_even_after_approval()
    {
        var approved = _f.InState(RequestState.Approved);
        var stricter = new RequestWorkflow(RequestRules.Default with { MinimumStatementLength = 500 }, _f.Clock);
        var e = Assert.Throws<InvalidRequestException>(() => stricter.Send(approved, RequestFixtures.LiaisonOfficer));
        Assert.Contains(e.Errors, x => x.Field == "necessityStatement");
    }

    [Fact]
    public void Send_back_returns_to_draft_and_drops_approvals()
    {
        var awaiting = _f.InState(RequestState.AwaitingValidation);
        var back = _f.Workflow.SendBack(awaiting, RequestFixtures.HomeOffice, "state the account creation date");
        Assert.Equal(RequestState.Draft, back.Request.State);
        Assert.Empty(back.Request.Approvals);
        Assert.Equal("state the account creation date", back.Transition.Reason);
    }

    [Fact]
    public void Expiry_before_the_expiry_time_is_refused()
    {
        var sent = _f.Sent();
        _f.Clock.Advance(TimeSpan.FromDays(36));
        Assert.Throws<RequestActionDeniedException>(() => _f.Workflow.Expire(sent, RequestFixtures.System, "too early"));
        _f.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(RequestState.Expired, _f.Workflow.Expire(sent, RequestFixtures.System, "no answer").Request.State);
    }

    private static DataAccessRequest Record(List<RequestStep> steps, RequestStep step)
    {
        steps.Add(step);
        return step.Request;
    }
}
