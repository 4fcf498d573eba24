namespace Liaison.Matching.Psi;

/// <summary>A peer asked more identifiers than its session or daily budget allows; nothing was evaluated.</summary>
public sealed class PsiBudgetExceededException(string peerId, string limit, int requested, int remaining, DateTimeOffset? retryAfter)
    : Exception($"PSI budget of peer {peerId} exceeded: {limit} (asked {requested}, {remaining} left"
        + (retryAfter is { } at ? $", more from {at:O})" : ")"))
{
    public string PeerId { get; } = peerId;

    /// <summary>"per session", "per day" or "sessions per day".</summary>
    public string Limit { get; } = limit;

    public int Requested { get; } = requested;

    public int Remaining { get; } = remaining;

    /// <summary>When enough of the rolling window will have expired, if waiting can help.</summary>
    public DateTimeOffset? RetryAfter { get; } = retryAfter;
}
