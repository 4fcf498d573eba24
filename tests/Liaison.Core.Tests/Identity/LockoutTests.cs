using Liaison.Core.Identity;
using Microsoft.Extensions.Time.Testing;

namespace Liaison.Core.Tests.Identity;

public class LockoutTests
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly Lockout lockout;

    public LockoutTests() => lockout = new Lockout(new LockoutPolicy(3, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15)), clock);

    private LockoutState Fail(LockoutState state, int times, TimeSpan? between = null)
    {
        for (var i = 0; i < times; i++)
        {
            state = lockout.RecordFailure(state);
            clock.Advance(between ?? TimeSpan.FromSeconds(1));
        }
        return state;
    }

    [Fact]
    public void Failures_below_the_limit_do_not_lock()
    {
        Assert.False(lockout.IsLocked(Fail(LockoutState.Clear, 2)));
    }

    [Fact]
    public void The_limit_of_failures_within_the_window_locks_the_account_for_the_lock_time()
    {
        var state = Fail(LockoutState.Clear, 3);

        Assert.True(lockout.IsLocked(state));
        clock.Advance(TimeSpan.FromMinutes(14));
        Assert.True(lockout.IsLocked(state));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.False(lockout.IsLocked(state));
    }

    [Fact]
    public void Failures_spread_wider_than_the_window_do_not_lock()
    {
        var state = Fail(LockoutState.Clear, 5, between: TimeSpan.FromMinutes(6));

        Assert.False(lockout.IsLocked(state));
    }

    [Fact]
    public void A_success_clears_the_failures()
    {
        var state = Fail(LockoutState.Clear, 2);

        state = Lockout.RecordSuccess();
        state = Fail(state, 2);

        Assert.False(lockout.IsLocked(state));
    }

    [Fact]
    public void Attempts_during_a_lock_do_not_extend_it()
    {
        var state = Fail(LockoutState.Clear, 3);
        var until = state.LockedUntil;

        state = Fail(state, 10, between: TimeSpan.FromMinutes(1));

        Assert.Equal(until, state.LockedUntil);
        // Locked at 09:00:02 until 09:15:02; it is now 09:10:03.
        Assert.Equal(new TimeSpan(0, 4, 59), lockout.Remaining(state));
    }

    [Fact]
    public void The_default_policy_locks_after_five_failures_for_fifteen_minutes()
    {
        Assert.Equal(5, LockoutPolicy.Default.MaxFailures);
        Assert.Equal(TimeSpan.FromMinutes(15), LockoutPolicy.Default.LockFor);
    }
}
