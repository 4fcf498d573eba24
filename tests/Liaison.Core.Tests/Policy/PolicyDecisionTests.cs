using System.Text.Json;
using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Core.Policy;
using static Liaison.Core.Tests.Policy.PolicyTestData;

namespace Liaison.Core.Tests.Policy;

public class PolicyDecisionTests
{
    [Fact]
    public void A_decision_round_trips_through_JSON_with_its_obligations()
    {
        var decision = PolicyDecision.Permit("eu-to-us-umbrella", "DE → US", [
            new PseudonymiseSubjects(SubjectCategories.Victim | SubjectCategories.Minor),
            new RedactProperties(["birthPlace"]),
            new StripAttachments(["fileName"]),
            new AddHandling(HandlingCodes.H1 | HandlingCodes.H3, "no publication"),
            new RaiseTlp(Tlp.AmberStrict),
        ], ["permission-matrix: supervisor may share"]) with { PolicyVersion = "v1 (abc)" };

        var back = PolicyDecision.FromJson(decision.ToJson());

        Assert.Equal(decision, back);
    }

    [Fact]
    public void The_journalled_JSON_names_effect_rule_and_obligation_kinds_in_words()
    {
        var decision = PolicyDecision.Permit("gb-domestic", "GB → GB", [new PseudonymiseSubjects(SubjectCategories.Victim), new AddHandling(HandlingCodes.H0)]);

        using var json = JsonDocument.Parse(decision.ToJson());
        var root = json.RootElement;

        Assert.Equal("PermitWithObligations", root.GetProperty("effect").GetString());
        Assert.Equal("gb-domestic", root.GetProperty("rule").GetString());
        Assert.Equal("pseudonymise", root.GetProperty("obligations")[0].GetProperty("kind").GetString());
        Assert.Equal("Victim", root.GetProperty("obligations")[0].GetProperty("subjects").GetString());
        Assert.Equal("H0", root.GetProperty("obligations")[1].GetProperty("codes").GetString());
        Assert.False(root.TryGetProperty("isPermitted", out _));
    }

    [Fact]
    public void A_denial_of_a_real_request_serialises_without_personal_data()
    {
        var record = Person(caseId: "case-gb-3");

        var decision = Decide(new AccessRequest { Caller = Investigator(), Action = PolicyAction.ReadRecord, CaseId = "case-gb-1", Purpose = "criminal-investigation", Record = record });
        var json = decision.ToJson();

        Assert.Equal(PolicyEffect.Deny, decision.Effect);
        Assert.DoesNotContain("Jane", json, StringComparison.Ordinal);
        Assert.DoesNotContain("7700", json, StringComparison.Ordinal);
        Assert.Contains("rec-1", json, StringComparison.Ordinal);
    }
}
