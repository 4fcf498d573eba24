using Liaison.Core.Policy;
using Liaison.Core.Policy.Loading;
using static Liaison.Core.Tests.Policy.PolicyTestData;

namespace Liaison.Core.Tests.Policy;

public class PolicyStoreTests
{
    private static AccessRequest ShareToNca() => new()
    {
        Caller = Supervisor(),
        Action = PolicyAction.Share,
        CaseId = "case-gb-1",
        Purpose = "criminal-investigation",
        Record = Person(),
        Recipient = Peer("GB", "NCA"),
    };

    [Fact]
    public void A_good_new_file_takes_effect_without_restart()
    {
        var store = PolicyStore.Load(PolicyLoaderTests.Minimal, "policy.yaml");
        var engine = new PolicyEngine(store, Register);
        var stricter = PolicyLoaderTests.Minimal.Replace("version: minimal-1", "version: minimal-2", StringComparison.Ordinal)
            .Replace("to: [GB]", "to: [IE]", StringComparison.Ordinal);
        Assert.Equal("gb-domestic", engine.Decide(ShareToNca()).Rule);

        var result = store.Reload(stricter, "policy.yaml");

        Assert.True(result.Applied);
        Assert.StartsWith("minimal-2", result.InForce, StringComparison.Ordinal);
        Assert.StartsWith("minimal-1", result.Previous, StringComparison.Ordinal);
        Assert.Equal(BuiltInRules.NoLegalBasis, engine.Decide(ShareToNca()).Rule);
    }

    [Fact]
    public void A_bad_new_file_keeps_the_old_policy_and_reports_why()
    {
        var store = PolicyStore.Load(PolicyLoaderTests.Minimal, "policy.yaml");
        var before = store.Current;

        var result = store.Reload(PolicyLoaderTests.Minimal.Replace("from: [GB]", "from: [GB]\n    frm: [US]", StringComparison.Ordinal), "policy.yaml");

        Assert.False(result.Applied);
        Assert.Same(before, store.Current);
        var error = Assert.Single(result.Errors);
        Assert.Equal("rules[0].frm", error.Field);
        Assert.Equal(store.LastErrors, result.Errors);
        Assert.Equal("gb-domestic", store.Current.Decide(ShareToNca(), Register).Rule);
    }

    [Fact]
    public void A_later_good_reload_clears_the_reported_errors()
    {
        var store = PolicyStore.Load(PolicyLoaderTests.Minimal, "policy.yaml");
        store.Reload("nonsense: [", "policy.yaml");

        store.Reload(PolicyLoaderTests.Minimal, "policy.yaml");

        Assert.Empty(store.LastErrors);
    }

    [Fact]
    public void A_node_cannot_start_on_a_bad_file()
    {
        Assert.Throws<PolicyFileException>(() => PolicyStore.Load("format: liaison-policy/1\n", "policy.yaml"));
    }

    [Fact]
    public async Task Decisions_during_reloads_are_taken_under_one_whole_policy()
    {
        var store = PolicyStore.Load(PolicyLoaderTests.Minimal, "policy.yaml");
        var closed = PolicyLoaderTests.Minimal.Replace("to: [GB]", "to: [IE]", StringComparison.Ordinal);
        var reloader = Task.Run(() =>
        {
            for (var i = 0; i < 50; i++)
            {
                store.Reload(i % 2 == 0 ? closed : PolicyLoaderTests.Minimal, "policy.yaml");
            }
        });

        var rules = new HashSet<string>();
        while (!reloader.IsCompleted)
        {
            rules.Add(store.Current.Decide(ShareToNca(), Register).Rule);
        }
        await reloader;

        Assert.Subset(new HashSet<string> { "gb-domestic", BuiltInRules.NoLegalBasis }, rules);
    }
}
