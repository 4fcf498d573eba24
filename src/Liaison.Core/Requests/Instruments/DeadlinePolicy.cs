namespace Liaison.Core.Requests.Instruments;

/// <summary>
/// How long an addressee has to answer under an instrument, when reminders fall, and when an unanswered
/// request expires. The clock starts when the request is sent and stops while a clarification is pending.
/// </summary>
public sealed record DeadlinePolicy
{
    /// <summary>Time to answer a normal request.</summary>
    public required TimeSpan Response { get; init; }

    /// <summary>Time to answer an emergency request; null when the instrument has no shorter emergency period.</summary>
    public TimeSpan? EmergencyResponse { get; init; }

    /// <summary>How long after the deadline an unanswered request is given up as expired.</summary>
    public required TimeSpan ExpiryGrace { get; init; }

    /// <summary>For preservation orders: how long data stays preserved once the order is received.</summary>
    public TimeSpan? PreservationPeriod { get; init; }

    /// <summary>Fractions of the period at which to remind (e.g. 0.5 and 0.8), ascending, each in (0, 1).</summary>
    public IReadOnlyList<double> ReminderFractions { get; init; } = [0.5, 0.8];

    /// <summary>Where the period comes from: an article, or "configurable default".</summary>
    public required string Basis { get; init; }

    /// <summary>The response period that applies to a request of this urgency.</summary>
    public TimeSpan ResponseFor(Urgency urgency) => urgency == Urgency.Emergency && EmergencyResponse is { } e ? e : Response;
}
