using Liaison.Core.Policy;
using static Liaison.Core.Tests.Policy.PolicyTestData;

namespace Liaison.Core.Tests.Policy;

public class PurposeTests
{
    [Fact]
    public void A_search_without_a_purpose_is_refused_naming_the_rule()
    {
        var decision = Decide(new AccessRequest { Caller = Investigator(), Action = PolicyAction.Search, CaseId = "case-gb-1" });

        Assert.Equal(PolicyEffect.Deny, decision.Effect);
        Assert.Equal(BuiltInRules.PurposeRequired, decision.Rule);
    }

    [Fact]
    public void A_read_without_a_case_is_refused_naming_the_rule()
    {
        var decision = Decide(new AccessRequest { Caller = Investigator(), Action = PolicyAction.ReadRecord, Purpose = "criminal-investigation", Record = Person() });

        Assert.Equal(BuiltInRules.CaseRequired, decision.Rule);
    }

    [Fact]
    public void A_purpose_not_in_the_policy_is_refused()
    {
        var decision = Decide(new AccessRequest { Caller = Investigator(), Action = PolicyAction.Search, CaseId = "case-gb-1", Purpose = "curiosity" });

        Assert.Equal(BuiltInRules.PurposeUnknown, decision.Rule);
        Assert.Contains("curiosity", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_search_with_case_and_purpose_is_permitted_and_says_why()
    {
        var decision = Decide(new AccessRequest { Caller = Investigator(), Action = PolicyAction.Search, CaseId = "case-gb-1", Purpose = "intelligence-analysis" });

        Assert.Equal(PolicyEffect.Permit, decision.Effect);
        Assert.Contains(decision.Trail, t => t.StartsWith(BuiltInRules.PurposeRequired, StringComparison.Ordinal));
        Assert.Equal(Default.Label, decision.PolicyVersion);
    }

    [Fact]
    public void An_import_needs_a_case_and_purpose_too()
    {
        Assert.Equal(BuiltInRules.CaseRequired, Decide(new AccessRequest { Caller = Investigator(), Action = PolicyAction.Import }).Rule);
    }
}
