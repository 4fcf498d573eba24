namespace Liaison.Core.Requests.Deadlines;

/// <summary>What a deadline notice asks the node to do.</summary>
public enum NoticeKind
{
    /// <summary>Part of the response period has passed: chase the addressee.</summary>
    Reminder,

    /// <summary>The response period has passed: escalate to the supervisor.</summary>
    Overdue,

    /// <summary>The grace after the deadline has passed too: apply <see cref="RequestAction.Expire"/>.</summary>
    Expire,

    /// <summary>Part of a preservation period has passed: issue the production request (or extend) before the data is released.</summary>
    PreservationReminder,

    /// <summary>The preservation period has ended: the addressee may no longer hold the data.</summary>
    PreservationLapsed,
}

/// <summary>
/// One thing the node should do about a deadline. <see cref="Key"/> is stable for the same milestone of
/// the same request, so a node that polls often acts on each notice once (it journals the keys it acted on).
/// </summary>
/// <param name="RequestId">The request.</param>
/// <param name="Kind">What to do.</param>
/// <param name="Milestone">For reminders, the fraction of the period reached (0.5, 0.8); 1 otherwise.</param>
/// <param name="DueAt">The deadline (or end of preservation) the notice is about.</param>
/// <param name="Notify">Who should be told: the liaison officer chases, the supervisor gets escalations, the system expires, the investigator follows up preservation.</param>
public sealed record DeadlineNotice(string RequestId, NoticeKind Kind, double Milestone, DateTimeOffset DueAt, RequestRole Notify)
{
    public string Key => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{RequestId}/{Kind}/{Milestone:0.###}");
}
