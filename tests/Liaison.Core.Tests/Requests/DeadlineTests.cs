using Liaison.Core.Requests;
using Liaison.Core.Requests.Deadlines;
using Liaison.Core.Requests.Validation;

namespace Liaison.Core.Tests.Requests;

public class DeadlineTests
{
    private readonly RequestFixtures _f = new();

    private DeadlineMonitor Monitor => new(RequestRules.Default, _f.Clock);

    private DataAccessRequest SentEpoc(Urgency urgency = Urgency.Normal)
    {
        var w = _f.Workflow;
        var epoc = RequestFixtures.Epoc() with { Urgency = urgency, EmergencyJustification = urgency == Urgency.Emergency ? "kidnapped child; ransom deadline tonight" : null };
        var r = w.Open(epoc, RequestFixtures.German("inv-de", RequestRole.Investigator)).Request;
        r = w.Approve(r, RequestFixtures.German("sup-de", RequestRole.Supervisor)).Request;
        r = w.Validate(r, new RequestActor("sta-1", "sta-berlin", RequestRole.DesignatedAuthority, AuthorityCapacity.Prosecutor)).Request;
        return w.Send(r, RequestFixtures.German("lo-de", RequestRole.LiaisonOfficer)).Request;
    }

    [Fact]
    public void Epoc_gets_reminders_at_half_and_four_fifths_then_escalation_then_expiry()
    {
        var sent = SentEpoc();
        var seen = new List<(double Day, NoticeKind? Kind, double? Milestone, RequestRole? Notify)>();
        foreach (var day in new[] { 4.9, 5.0, 7.9, 8.0, 9.9, 10.0, 19.9, 20.0 })
        {
            var now = RequestFixtures.Start + TimeSpan.FromDays(day);
            _f.Clock.SetUtcNow(now);
            var n = Monitor.Due([sent]).SingleOrDefault();
            seen.Add((day, n?.Kind, n?.Milestone, n?.Notify));
        }
        Assert.Equal(
            [
                (4.9, null, null, null),
                (5.0, NoticeKind.Reminder, 0.5, RequestRole.LiaisonOfficer),
                (7.9, NoticeKind.Reminder, 0.5, RequestRole.LiaisonOfficer),
                (8.0, NoticeKind.Reminder, 0.8, RequestRole.LiaisonOfficer),
                (9.9, NoticeKind.Reminder, 0.8, RequestRole.LiaisonOfficer),
                (10.0, NoticeKind.Overdue, 1, RequestRole.Supervisor),
                (19.9, NoticeKind.Overdue, 1, RequestRole.Supervisor),
                (20.0, NoticeKind.Expire, 1, RequestRole.System),
            ],
            seen);
    }

    [Fact]
    public void Emergency_epoc_is_overdue_after_eight_hours()
    {
        var emergency = SentEpoc(Urgency.Emergency);
        var normal = SentEpoc();
        _f.Clock.Advance(TimeSpan.FromHours(8) - TimeSpan.FromSeconds(1));
        Assert.Equal(NoticeKind.Reminder, Assert.Single(Monitor.Due([emergency, normal])).Kind);
        _f.Clock.Advance(TimeSpan.FromSeconds(1));
        var n = Assert.Single(Monitor.Due([emergency, normal]));
        Assert.Equal((NoticeKind.Overdue, RequestFixtures.Start.AddHours(8)), (n.Kind, n.DueAt));
    }

    [Fact]
    public void Clarification_stops_the_clock_until_it_is_answered()
    {
        var w = _f.Workflow;
        var sent = SentEpoc();
        _f.Clock.Advance(TimeSpan.FromDays(4));
        var asked = w.AskClarification(sent, RequestFixtures.IrishProvider, "Which of the two accounts?").Request;
        _f.Clock.Advance(TimeSpan.FromDays(10));
        Assert.Empty(Monitor.Due([asked]));
        var answered = w.AnswerClarification(asked, RequestFixtures.German("inv-de", RequestRole.Investigator), "The older one.").Request;
        Assert.Empty(Monitor.Due([answered]));

        _f.Clock.Advance(TimeSpan.FromDays(1));
        var n = Assert.Single(Monitor.Due([answered]));
        Assert.Equal((NoticeKind.Reminder, 0.5), (n.Kind, n.Milestone));
        Assert.Equal(RequestFixtures.Start.AddDays(20), n.DueAt);
    }

    [Fact]
    public void Preservation_order_reminds_before_the_60_days_run_out()
    {
        var w = _f.Workflow;
        var pr = RequestFixtures.Epoc() with
        {
            Instrument = LegalInstrument.EEvidencePreservationOrder,
            Type = RequestType.Preservation,
            Categories = DataCategory.SubscriberData | DataCategory.ContentData,
        };
        var r = w.Open(pr, RequestFixtures.German("inv-de", RequestRole.Investigator)).Request;
        r = w.Approve(r, RequestFixtures.German("sup-de", RequestRole.Supervisor)).Request;
        r = w.Validate(r, new RequestActor("sta-1", "sta-berlin", RequestRole.DesignatedAuthority, AuthorityCapacity.Prosecutor)).Request;
        r = w.Send(r, RequestFixtures.German("lo-de", RequestRole.LiaisonOfficer)).Request;
        r = w.Fulfil(w.Acknowledge(r, RequestFixtures.IrishProvider).Request, RequestFixtures.IrishProvider, "preserved").Request;

        _f.Clock.Advance(TimeSpan.FromDays(29));
        Assert.Empty(Monitor.Due([r]));
        _f.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal((NoticeKind.PreservationReminder, 0.5, RequestRole.Investigator), Single(r));
        _f.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal((NoticeKind.PreservationLapsed, 1.0, RequestRole.Investigator), Single(r));
    }

    [Fact]
    public void Answered_and_unsent_requests_have_no_deadline_notices()
    {
        var answered = _f.Workflow.Fulfil(_f.Sent(), RequestFixtures.ProviderCompliance).Request;
        var draft = _f.InState(RequestState.Draft);
        _f.Clock.Advance(TimeSpan.FromDays(400));
        Assert.Empty(Monitor.Due([answered, draft]));
    }

    [Fact]
    public void Notice_keys_are_stable_so_the_node_acts_once()
    {
        var sent = SentEpoc();
        _f.Clock.Advance(TimeSpan.FromDays(5));
        var first = Monitor.Due([sent]).Single();
        _f.Clock.Advance(TimeSpan.FromHours(1));
        var again = Monitor.Due([sent]).Single();
        Assert.Equal("epoc-1/Reminder/0.5", first.Key);
        Assert.Equal(first.Key, again.Key);
    }

    [Fact]
    public void Expire_notice_is_accepted_by_the_workflow()
    {
        var sent = _f.Sent();
        _f.Clock.Advance(TimeSpan.FromDays(37));
        var notice = Assert.Single(Monitor.Due([sent]));
        Assert.Equal(NoticeKind.Expire, notice.Kind);
        var expired = _f.Workflow.Expire(sent, RequestFixtures.System, "no answer within 7 days and 30 days' grace").Request;
        Assert.Equal(RequestState.Expired, expired.State);
        Assert.Empty(Monitor.Due([expired]));
    }

    [Fact]
    public void Instrument_catalogue_rejects_reminders_outside_the_period()
    {
        var epoc = RequestRules.Default.Instruments[LegalInstrument.EEvidenceProductionOrder];
        var bad = epoc with { Deadlines = epoc.Deadlines with { ReminderFractions = [0.8, 0.5] } };
        Assert.Throws<ArgumentException>(() => RequestRules.Default.Instruments.With(bad));
    }

    private (NoticeKind, double, RequestRole) Single(DataAccessRequest r)
    {
        var n = Assert.Single(Monitor.Due([r]));
        return (n.Kind, n.Milestone, n.Notify);
    }
}
