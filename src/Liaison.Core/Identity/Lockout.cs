namespace Liaison.Core.Identity;

/// <summary>
/// The lockout rules applied to an account's <see cref="LockoutState"/>, on the injected clock. The
/// node loads the state, asks <see cref="IsLocked"/> before checking the password (a locked account is
/// refused without spending a hash), records the outcome and stores the new state.
/// </summary>
public sealed class Lockout(LockoutPolicy policy, TimeProvider clock)
{
    public LockoutPolicy Policy => policy;

    public bool IsLocked(LockoutState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.LockedUntil is { } until && clock.GetUtcNow() < until;
    }

    /// <summary>How long until the lock ends, or zero.</summary>
    public TimeSpan Remaining(LockoutState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.LockedUntil is { } until && until > clock.GetUtcNow() ? until - clock.GetUtcNow() : TimeSpan.Zero;
    }

    public LockoutState RecordFailure(LockoutState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var now = clock.GetUtcNow();
        if (IsLocked(state))
        {
            // Attempts during a lock do not extend it: the user was told when it ends, and that stays true.
            return state;
        }
        var recent = state.Failures.Where(f => now - f < policy.Window).Append(now).ToList();
        return recent.Count >= policy.MaxFailures
            ? new LockoutState([], now + policy.LockFor)
            : new LockoutState(recent, null);
    }

    public static LockoutState RecordSuccess() => LockoutState.Clear;
}
