namespace Liaison.Core.Identity;

/// <summary>
/// When an account locks: <see cref="MaxFailures"/> failed logins within <see cref="Window"/> lock it for
/// <see cref="LockFor"/>. A success clears the count.
/// </summary>
public sealed record LockoutPolicy
{
    public LockoutPolicy(int maxFailures, TimeSpan window, TimeSpan lockFor)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxFailures, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lockFor, TimeSpan.Zero);
        MaxFailures = maxFailures;
        Window = window;
        LockFor = lockFor;
    }

    /// <summary>Five failures in fifteen minutes lock for fifteen minutes.</summary>
    public static LockoutPolicy Default { get; } = new(5, TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(15));

    public int MaxFailures { get; }
    public TimeSpan Window { get; }
    public TimeSpan LockFor { get; }
}

/// <summary>One account's recent failures and lock, as storage keeps it. Immutable: each event returns the next state.</summary>
public sealed record LockoutState(IReadOnlyList<DateTimeOffset> Failures, DateTimeOffset? LockedUntil)
{
    public static LockoutState Clear { get; } = new([], null);
}
