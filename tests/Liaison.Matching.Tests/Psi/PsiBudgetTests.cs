using Liaison.Matching.Psi;
using static Liaison.Matching.Tests.Psi.PsiFixtures;

namespace Liaison.Matching.Tests.Psi;

public sealed class PsiBudgetTests
{
    private static Liaison.Core.Model.Identifier[] Numbers(int from, int count) =>
        [.. Enumerable.Range(from, count).Select(i => Phone($"+4477009{i:D5}"))];

    [Fact]
    public void Session_larger_than_the_per_session_budget_is_refused_before_evaluation()
    {
        var time = Clock();
        var holder = Holder(Numbers(0, 3), time, new PsiBudgetOptions { MaxIdentifiersPerSession = 5 });

        var e = Assert.Throws<PsiBudgetExceededException>(() => Run(Numbers(0, 6), holder, time));

        Assert.Equal("per session", e.Limit);
        Assert.Equal(6, e.Requested);
    }

    [Fact]
    public void Daily_budget_is_spent_across_sessions_and_returns_after_24_hours()
    {
        var time = Clock();
        var budget = new PsiBudget(new PsiBudgetOptions { MaxIdentifiersPerSession = 10, MaxIdentifiersPerDay = 15 }, time);
        var holder = new PsiHolder(PsiHolderSet.Prepare(Numbers(0, 3)), budget, time);
        Run(Numbers(0, 10), holder, time);
        time.Advance(TimeSpan.FromHours(23));

        var e = Assert.Throws<PsiBudgetExceededException>(() => Run(Numbers(100, 6), holder, time));
        time.Advance(TimeSpan.FromHours(1));
        var (result, _) = Run(Numbers(100, 6), holder, time);

        Assert.Equal("per day", e.Limit);
        Assert.Equal(5, e.Remaining);
        Assert.Equal(Clock().GetUtcNow().AddHours(24), e.RetryAfter);
        Assert.Equal(6, result.IdentifiersAsked);
        Assert.Equal(9, budget.Remaining("querier-node"));
    }

    [Fact]
    public void Budgets_are_kept_per_peer()
    {
        var time = Clock();
        var budget = new PsiBudget(new PsiBudgetOptions { MaxIdentifiersPerDay = 10 }, time);

        budget.Charge("node-a", Guid.NewGuid(), 10);
        budget.Charge("node-c", Guid.NewGuid(), 10);

        Assert.Equal(0, budget.Remaining("node-a"));
        Assert.Throws<PsiBudgetExceededException>(() => budget.Charge("node-a", Guid.NewGuid(), 1));
    }

    [Fact]
    public void Too_many_sessions_in_a_day_are_refused()
    {
        var time = Clock();
        var budget = new PsiBudget(new PsiBudgetOptions { MaxSessionsPerDay = 2 }, time);
        budget.Charge("node-a", Guid.NewGuid(), 1);
        budget.Charge("node-a", Guid.NewGuid(), 1);

        var e = Assert.Throws<PsiBudgetExceededException>(() => budget.Charge("node-a", Guid.NewGuid(), 1));

        Assert.Equal("sessions per day", e.Limit);
    }

    [Fact]
    public void Replayed_session_is_refused()
    {
        var time = Clock();
        var holder = Holder(Numbers(0, 3), time);
        var query = new PsiQuerier("holder-node", Numbers(0, 2), PsiMode.Intersection, time).CreateQuery();
        holder.Respond("querier-node", query);

        var e = Assert.Throws<PsiProtocolException>(() => holder.Respond("querier-node", query));

        Assert.Contains("already answered", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Restored_charges_count_against_the_budget()
    {
        var time = Clock();
        var budget = new PsiBudget(new PsiBudgetOptions { MaxIdentifiersPerDay = 10 }, time);

        budget.Restore("node-a", Guid.NewGuid(), 8, time.GetUtcNow().AddHours(-2));

        Assert.Equal(2, budget.Remaining("node-a"));
    }

    [Fact]
    public void Options_below_one_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new PsiBudget(new PsiBudgetOptions { MaxIdentifiersPerDay = 0 }, Clock()));
    }
}
