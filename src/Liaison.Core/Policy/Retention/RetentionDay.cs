namespace Liaison.Core.Policy.Retention;

/// <summary>
/// The calendar day retention is decided on: the UTC date of the injected clock, so every replica of a
/// node, and every test with a fake clock, agrees on which records are overdue.
/// </summary>
public static class RetentionDay
{
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
    }

    public static DateOnly Of(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);
}
