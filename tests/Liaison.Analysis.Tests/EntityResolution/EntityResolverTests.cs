using Liaison.Analysis.EntityResolution;
using Liaison.Analysis.Tests.Cases;
using Liaison.Core.Identifiers;
using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Core.Validation;
using Microsoft.Extensions.Time.Testing;

namespace Liaison.Analysis.Tests.EntityResolution;

public class EntityResolverTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private static readonly EntityResolver Resolver = new(new RecordValidator(new PhoneNumberNormalizer("GB"), Clock));

    private static EntityRecord Person(string id, string name, string? born = null, params (string, string)[] more)
    {
        var values = new List<(string, string)> { ("name", name) };
        if (born is not null)
        {
            values.Add(("birthDate", born));
        }
        values.AddRange(more);
        return Records.Make(id, "Person", [.. values]);
    }

    [Fact]
    public void A_phone_record_joins_the_person_who_lists_its_number_however_it_is_written()
    {
        var result = Resolver.Resolve([
            Person("p1", "Ivan Petrov", null, ("phone", "07911 123456")),
            Records.Make("ph1", "Phone", ("number", "+44 7911 123456")),
        ]);
        Assert.True(result.SameSubject("p1", "ph1"));
        var evidence = Assert.Single(result.ClusterOf("p1").Evidence);
        Assert.Equal(MatchRule.BelongsTo, evidence.Rule);
        Assert.Equal("phone +447911123456", evidence.Detail);
    }

    [Theory]
    [InlineData("Ivan Petrov", "Иван Петров")]
    [InlineData("Ivan Petrov", "PETROV, Ivan")]
    [InlineData("Jonathan Smith", "Jonathon Smith")]
    [InlineData("José Álvarez", "Jose Alvarez")]
    public void Similar_names_with_the_same_date_of_birth_are_one_person(string a, string b)
    {
        var result = Resolver.Resolve([Person("p1", a, "1984-07-21"), Person("p2", b, "1984-07-21")]);
        Assert.True(result.SameSubject("p1", "p2"));
        Assert.Contains("born 1984-07-21", result.ClusterOf("p1").Evidence.Single().Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_name_with_a_different_date_of_birth_stays_two_people()
    {
        var result = Resolver.Resolve([Person("p1", "John Smith", "1984-07-21"), Person("p2", "John Smith", "1990-01-02")]);
        Assert.False(result.SameSubject("p1", "p2"));
    }

    [Fact]
    public void A_year_of_birth_needs_a_nearly_identical_name()
    {
        var result = Resolver.Resolve([
            Person("p1", "Ivan Petrov", "1984-07-21"), Person("p2", "Ivan Petrov", "1984"),
            Person("p3", "Jonathan Smith", "1970-05-05"), Person("p4", "Jonathon Smyth", "1970"),
        ]);
        Assert.True(result.SameSubject("p1", "p2"));
        Assert.False(result.SameSubject("p3", "p4"));
    }

    [Fact]
    public void A_phone_shared_by_two_different_people_does_not_make_them_one_and_the_refusal_is_explained()
    {
        var result = Resolver.Resolve([
            Person("victim", "Maria Lopez", "2001-02-03", ("phone", "+447911123456")),
            Person("controller", "Viktor Kane", "1975-10-11", ("phone", "+447911123456")),
            Records.Make("ph1", "Phone", ("number", "+447911123456")),
        ]);
        Assert.False(result.SameSubject("victim", "controller"));
        var refused = result.ClusterOf("victim").Evidence.Where(e => !e.Accepted).ToList();
        Assert.Contains(refused, e => e.Rule == MatchRule.NameAndSharedContact && e.RefusedBecause!.Contains("different people", StringComparison.Ordinal));
        Assert.Contains(result.ClusterOf("ph1").Evidence, e => e.Rule == MatchRule.BelongsTo && !e.Accepted);
    }

    [Fact]
    public void A_shared_passport_number_joins_persons_even_under_different_names()
    {
        var result = Resolver.Resolve([
            Person("p1", "Ivan Petrov", null, ("passportNumber", "AB123456")),
            Person("p2", "John Doe", null, ("passportNumber", "ab 123456")),
        ]);
        Assert.True(result.SameSubject("p1", "p2"));
        Assert.Equal(MatchRule.SameDocument, result.ClusterOf("p1").Evidence.Single().Rule);
    }

    [Fact]
    public void Two_account_records_with_one_iban_are_one_account_and_join_its_holder()
    {
        var result = Resolver.Resolve([
            Records.Make("acc1", "BankAccount", ("iban", "GB82 WEST 1234 5698 7654 32")),
            Records.Make("acc2", "BankAccount", ("iban", "gb82west12345698765432"), ("holder", "p1")),
            Person("p1", "Ivan Petrov"),
        ]);
        Assert.True(result.SameSubject("acc1", "acc2"));
        Assert.True(result.SameSubject("acc1", "p1"));
        Assert.Contains(result.ClusterOf("p1").Evidence, e => e.Rule == MatchRule.SameThing);
        Assert.Contains(result.ClusterOf("p1").Evidence, e => e.Rule == MatchRule.BelongsTo && e.Detail == "holder of BankAccount");
    }

    [Fact]
    public void A_use_link_attaches_an_online_account_to_its_user()
    {
        var result = Resolver.Resolve([
            Person("p1", "Ivan Petrov"),
            Records.Make("acct", "OnlineAccount", ("service", "Telegram"), ("username", "ivan_p")),
            Records.Make("u1", "Use", ("user", "p1"), ("thing", "acct")),
        ]);
        Assert.True(result.SameSubject("p1", "acct"));
        Assert.Contains("Use link u1", result.ClusterOf("p1").Explain().Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_manual_split_separates_what_the_rules_joined_and_revoking_it_restores_the_join()
    {
        var records = new[] { Person("p1", "Ivan Petrov", "1984-07-21"), Person("p2", "Ivan Petrov", "1984-07-21") };
        var decisions = new ResolutionDecisions(Clock);
        var split = decisions.Split("p1", "p2", "analyst-7", "father and son with the same name and date in different sources");

        var separated = Resolver.Resolve(records, decisions.InForce);
        Assert.False(separated.SameSubject("p1", "p2"));
        Assert.Contains("split decision d1", separated.ClusterOf("p1").Evidence.Single().RefusedBecause, StringComparison.Ordinal);

        decisions.Revoke(split.Id, "analyst-7");
        Assert.True(Resolver.Resolve(records, decisions.InForce).SameSubject("p1", "p2"));
        Assert.Equal(Clock.GetUtcNow(), decisions.All.Single().RevokedAt);
    }

    [Fact]
    public void A_manual_split_also_blocks_joins_through_third_records()
    {
        var records = new[]
        {
            Person("p1", "Ivan Petrov", null, ("phone", "+447911123456")),
            Person("p2", "Ivan Petrov", null, ("email", "ivan@example.org")),
            Records.Make("ph1", "Phone", ("number", "+447911123456"), ("owner", "p2")),
        };
        var decisions = new ResolutionDecisions(Clock);
        decisions.Split("p1", "p2", "analyst-7", "different people");
        var result = Resolver.Resolve(records, decisions.InForce);
        Assert.False(result.SameSubject("p1", "p2"));
    }

    [Fact]
    public void A_manual_merge_joins_records_no_rule_would_and_can_be_revoked()
    {
        var records = new[] { Person("p1", "Ivan Petrov"), Person("p2", "'The Accountant'") };
        var decisions = new ResolutionDecisions(Clock);
        var merge = decisions.Merge("p1", "p2", "analyst-7", "informant report 17 identifies the nickname");
        var merged = Resolver.Resolve(records, decisions.InForce);
        Assert.True(merged.SameSubject("p1", "p2"));
        Assert.Equal(MatchRule.ManualMerge, merged.ClusterOf("p1").Evidence.Single().Rule);
        decisions.Revoke(merge.Id, "analyst-7");
        Assert.False(Resolver.Resolve(records, decisions.InForce).SameSubject("p1", "p2"));
        Assert.Throws<InvalidOperationException>(() => decisions.Revoke(merge.Id, "analyst-7"));
    }

    [Fact]
    public void Invalid_records_are_set_aside_with_the_validator_reason_and_the_rest_resolves()
    {
        var result = Resolver.Resolve([
            Person("p1", "Ivan Petrov", null, ("phone", "not a phone")),
            Person("p2", "Ivan Petrov", "1984-07-21"),
        ]);
        var (id, reason) = Assert.Single(result.Rejected);
        Assert.Equal("p1", id);
        Assert.Contains("phone", reason, StringComparison.Ordinal);
        Assert.True(result.ClusterOf("p2").IsSingleton);
    }

    [Fact]
    public void A_cluster_is_marked_as_narrowly_as_its_most_restricted_record()
    {
        var result = Resolver.Resolve([
            Records.Make("p1", "Person", Tlp.Green, ("name", "Ivan Petrov"), ("phone", "+447911123456")),
            Records.Make("ph1", "Phone", Tlp.Red, ("number", "+447911123456")),
        ]);
        Assert.Equal(Tlp.Red, result.ClusterOf("p1").Marking.Tlp);
    }

    [Fact]
    public void Events_are_not_resolved_and_clusters_come_largest_first()
    {
        var result = Resolver.Resolve([
            Person("p1", "Ivan Petrov", null, ("phone", "+447911123456")),
            Records.Make("ph1", "Phone", ("number", "+447911123456")),
            Person("p9", "Somebody Else"),
            Records.Make("c1", "Call", ("caller", "ph1"), ("receiver", "p9")),
        ]);
        Assert.Equal(2, result.Clusters.Count);
        Assert.Equal(["ph1", "p1"], result.Clusters[0].RecordIds.OrderDescending(StringComparer.Ordinal).ToArray());
        Assert.False(result.TryClusterOf("c1", out _));
    }
}
