using Liaison.Core.Model;
using Liaison.Core.Policy.Loading;
using Liaison.Core.Policy.Retention;

namespace Liaison.Core.Tests.Policy;

public class RetentionScheduleTests
{
    private static readonly DateOnly Received = new(2026, 2, 28);

    [Theory]
    [InlineData(SubjectCategories.Suspect, "2029-02-28")]
    [InlineData(SubjectCategories.Minor, "2027-02-28")]
    [InlineData(SubjectCategories.Contact, "2027-02-28")]
    [InlineData(SubjectCategories.Suspect | SubjectCategories.Minor, "2027-02-28")]
    [InlineData(SubjectCategories.None, "2029-02-28")]
    public void The_shipped_schedule_reviews_each_subject_after_its_period_and_the_most_protected_wins(SubjectCategories subjects, string expected)
    {
        var due = PolicyTestData.Default.Retention.ReviewDateFor(subjects, Received);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), due);
    }

    [Fact]
    public void A_carried_review_date_is_only_ever_brought_forward()
    {
        var schedule = RetentionSchedule.Default;

        Assert.Equal(new DateOnly(2026, 6, 1), schedule.ReviewDateOf(SubjectCategories.Suspect, Received, new DateOnly(2026, 6, 1)));
        Assert.Equal(new DateOnly(2029, 2, 28), schedule.ReviewDateOf(SubjectCategories.Suspect, Received, new DateOnly(2040, 1, 1)));
    }

    [Fact]
    public void The_purge_takes_what_has_been_overdue_longer_than_the_grace_period()
    {
        var today = new DateOnly(2027, 1, 31);

        Assert.Equal(new DateOnly(2027, 1, 1), RetentionSchedule.Default.PurgeBefore(today));
        Assert.True(RetentionSchedule.IsOverdue(new DateOnly(2027, 1, 30), today));
        Assert.False(RetentionSchedule.IsOverdue(today, today));
    }

    [Fact]
    public void The_retention_section_sets_periods_and_grace()
    {
        var policy = PolicyLoader.Compile(PolicyLoaderTests.Minimal + "retention:\n  grace-period: 7d\n  default: 18m\n  review-after:\n    victim: 2y\n", "p.yaml");

        Assert.Equal(new RetentionPeriod(7, RetentionUnit.Days), policy.Retention.GracePeriod);
        Assert.Equal(new DateOnly(2027, 8, 28), policy.Retention.ReviewDateFor(SubjectCategories.None, Received));
        Assert.Equal(new DateOnly(2028, 2, 28), policy.Retention.ReviewDateFor(SubjectCategories.Victim, Received));
        Assert.Equal(new DateOnly(2027, 8, 28), policy.Retention.ReviewDateFor(SubjectCategories.Suspect, Received));
    }

    [Fact]
    public void A_bad_retention_section_names_line_field_and_reason()
    {
        var text = PolicyLoaderTests.Minimal + "retention:\n  grace-period: soon\n  review-after:\n    victims: 2y\n    minor: 0y\n";

        var errors = Assert.Throws<PolicyFileException>(() => PolicyLoader.Compile(text, "p.yaml")).Errors.Select(e => e.ToString()).ToList();

        Assert.Contains(errors, e => e.Contains("retention.grace-period: 'soon' is not a period", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("retention.review-after.victims: unknown subject 'victims'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("retention.review-after.minor: '0y' is not a period", StringComparison.Ordinal));
        Assert.All(errors, e => Assert.StartsWith("p.yaml:", e, StringComparison.Ordinal));
    }

    [Fact]
    public void A_policy_without_a_retention_section_uses_the_documented_default()
    {
        var policy = PolicyLoader.Compile(PolicyLoaderTests.Minimal, "p.yaml");

        Assert.Same(RetentionSchedule.Default, policy.Retention);
    }

    [Fact]
    public void Call_records_and_evidence_have_periods_of_their_own_and_a_bad_one_is_named()
    {
        var policy = PolicyLoader.Compile(PolicyLoaderTests.Minimal + "retention:\n  call-records: 6m\n  evidence: 5y\n", "p.yaml");
        var errors = Assert.Throws<PolicyFileException>(() => PolicyLoader.Compile(PolicyLoaderTests.Minimal + "retention:\n  call-records: 0m\n", "p.yaml"))
            .Errors.Select(e => e.ToString()).ToList();

        Assert.Equal((new RetentionPeriod(6, RetentionUnit.Months), new RetentionPeriod(5, RetentionUnit.Years)), (policy.Retention.CallRecords, policy.Retention.Evidence));
        Assert.Equal((new RetentionPeriod(1, RetentionUnit.Years), new RetentionPeriod(3, RetentionUnit.Years)), (RetentionSchedule.Default.CallRecords, RetentionSchedule.Default.Evidence));
        Assert.Contains(errors, e => e.Contains("retention.call-records: '0m' is not a period", StringComparison.Ordinal));
    }
}
