using Liaison.Core.Requests.Instruments;
using Liaison.Core.Requests.Validation;

namespace Liaison.Core.Requests.Deadlines;

/// <summary>
/// Computes, from the requests and the time, which reminders, escalations, expiries and preservation
/// notices are due. Stateless and pure: the node calls <see cref="Due(IEnumerable{DataAccessRequest})"/>
/// from a background worker and acts once per <see cref="DeadlineNotice.Key"/>. For each request only the
/// most advanced notice is returned (a request at 85 % gets the 80 % reminder, not the 50 % one too).
/// </summary>
public sealed class DeadlineMonitor
{
    private readonly RequestRules _rules;
    private readonly TimeProvider _clock;

    public DeadlineMonitor(RequestRules rules, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(clock);
        _rules = rules;
        _clock = clock;
    }

    /// <summary>Notices due now, by the injected clock.</summary>
    public IReadOnlyList<DeadlineNotice> Due(IEnumerable<DataAccessRequest> requests) => Due(requests, _clock.GetUtcNow());

    /// <summary>Notices due at <paramref name="now"/>.</summary>
    public IReadOnlyList<DeadlineNotice> Due(IEnumerable<DataAccessRequest> requests, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var notices = new List<DeadlineNotice>();
        foreach (var r in requests)
        {
            if (r.Instrument is not { } instrument || !_rules.Instruments.TryGet(instrument, out var profile))
            {
                continue;
            }
            var notice = r.State.IsOutstanding() ? ForOutstanding(r, profile.Deadlines, now)
                : r.State == RequestState.Fulfilled && r.Type == RequestType.Preservation ? ForPreservation(r, profile.Deadlines, now)
                : null;
            if (notice is not null)
            {
                notices.Add(notice);
            }
        }
        return notices;
    }

    private static DeadlineNotice? ForOutstanding(DataAccessRequest r, DeadlinePolicy policy, DateTimeOffset now)
    {
        var clock = RequestClock.Of(r, policy, now);
        if (clock is null || clock.IsPaused)
        {
            return null;
        }
        if (now >= clock.ExpiresAt)
        {
            return new(r.Id, NoticeKind.Expire, 1, clock.DueAt, RequestRole.System);
        }
        if (clock.IsOverdue)
        {
            return new(r.Id, NoticeKind.Overdue, 1, clock.DueAt, RequestRole.Supervisor);
        }
        var reached = policy.ReminderFractions.Where(f => clock.Fraction >= f).DefaultIfEmpty(0).Max();
        return reached > 0 ? new(r.Id, NoticeKind.Reminder, reached, clock.DueAt, RequestRole.LiaisonOfficer) : null;
    }

    private static DeadlineNotice? ForPreservation(DataAccessRequest r, DeadlinePolicy policy, DateTimeOffset now)
    {
        if (policy.PreservationPeriod is not { } period || RequestTimeline.SentAt(r) is not { } sent)
        {
            return null;
        }
        var ends = sent + period;
        if (now >= ends)
        {
            return new(r.Id, NoticeKind.PreservationLapsed, 1, ends, RequestRole.Investigator);
        }
        var fraction = (now - sent) / period;
        var reached = policy.ReminderFractions.Where(f => fraction >= f).DefaultIfEmpty(0).Max();
        return reached > 0 ? new(r.Id, NoticeKind.PreservationReminder, reached, ends, RequestRole.Investigator) : null;
    }
}
