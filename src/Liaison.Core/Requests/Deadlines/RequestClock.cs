using Liaison.Core.Requests.Instruments;

namespace Liaison.Core.Requests.Deadlines;

/// <summary>
/// Where a sent request stands against its instrument's deadline at a moment: the clock starts when the
/// request is sent (taken as its receipt: the exchange delivers with a receipt at once) and stops while a
/// clarification is pending, because the addressee cannot answer an unclear order (Regulation (EU)
/// 2023/1543 art. 10 suspends the time limits until the clarification is given).
/// </summary>
/// <param name="SentAt">When the request was sent.</param>
/// <param name="Period">The response period for the request's urgency.</param>
/// <param name="Elapsed">Time counted against the period (paused time excluded).</param>
/// <param name="DueAt">When the period ends, if no further pause happens.</param>
/// <param name="ExpiresAt">When an unanswered request expires, if no further pause happens.</param>
/// <param name="IsPaused">A clarification is pending.</param>
public sealed record RequestClock(DateTimeOffset SentAt, TimeSpan Period, TimeSpan Elapsed, DateTimeOffset DueAt, DateTimeOffset ExpiresAt, bool IsPaused)
{
    /// <summary>Share of the period used, 0 at sending, 1 at the deadline.</summary>
    public double Fraction => Period <= TimeSpan.Zero ? 1 : Elapsed / Period;

    public bool IsOverdue => Elapsed >= Period;

    /// <summary>The clock of <paramref name="request"/> at <paramref name="now"/>; null if it was never sent.</summary>
    public static RequestClock? Of(DataAccessRequest request, DeadlinePolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policy);
        var sent = RequestTimeline.SentAt(request);
        if (sent is null)
        {
            return null;
        }
        var paused = TimeSpan.Zero;
        DateTimeOffset? pauseStart = null;
        DateTimeOffset? closedAt = null;
        foreach (var t in request.History)
        {
            if (t.To == RequestState.ClarificationRequested)
            {
                pauseStart ??= t.At;
            }
            else if (pauseStart is { } start)
            {
                paused += t.At - start;
                pauseStart = null;
            }
            if (t.To.IsClosed())
            {
                closedAt = t.At;
            }
        }
        // A closed request's clock stopped when it closed; an open one runs to now.
        var end = closedAt ?? now;
        var isPaused = pauseStart is not null && closedAt is null;
        if (pauseStart is { } open)
        {
            paused += end - open;
        }
        var period = policy.ResponseFor(request.Urgency);
        var elapsed = end - sent.Value - paused;
        var due = sent.Value + paused + period;
        return new RequestClock(sent.Value, period, elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed, due, due + policy.ExpiryGrace, isPaused);
    }
}
