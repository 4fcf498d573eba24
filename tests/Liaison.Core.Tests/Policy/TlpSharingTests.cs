using Liaison.Core.Markings;
using Liaison.Core.Policy;
using static Liaison.Core.Tests.Policy.PolicyTestData;

namespace Liaison.Core.Tests.Policy;

public class TlpSharingTests
{
    private static AccessRequest Share(Caller caller, Liaison.Core.Model.EntityRecord record, Recipient to) => new()
    {
        Caller = caller,
        Action = PolicyAction.Share,
        CaseId = caller.Cases.First(),
        Purpose = "criminal-investigation",
        Record = record,
        Recipient = to,
    };

    [Fact]
    public void TLP_RED_does_not_leave_the_node_without_a_named_recipient()
    {
        var decision = Decide(Share(Supervisor(), Phone(tlp: Tlp.Red), Peer("GB", "NCA")));

        Assert.Equal(BuiltInRules.RedNamedRecipientsOnly, decision.Rule);
    }

    [Fact]
    public void TLP_RED_goes_to_a_named_person_when_a_rule_covers_it()
    {
        var decision = Decide(Share(Supervisor(), Phone(tlp: Tlp.Red), Peer("GB", "NCA", person: "officer-4711")));

        Assert.Equal("gb-domestic", decision.Rule);
    }

    [Fact]
    public void TLP_RED_received_from_another_agency_is_never_passed_on()
    {
        var decision = Decide(Share(Supervisor(), Phone(tlp: Tlp.Red, originAgency: "BKA"), Peer("GB", "NCA", person: "officer-4711")));

        Assert.Equal(BuiltInRules.RedNoOnwardSharing, decision.Rule);
    }

    [Fact]
    public void TLP_AMBER_STRICT_from_another_agency_stays_inside_the_recipient_organisation()
    {
        var received = Phone(tlp: Tlp.AmberStrict, originAgency: "BKA");

        var outside = Decide(Share(Supervisor(), received, Peer("GB", "NCA")));
        var inside = Decide(Share(Supervisor(), received, Peer("GB", "Met Police")));

        Assert.Equal(BuiltInRules.AmberStrictOrganisationOnly, outside.Rule);
        Assert.Equal("gb-domestic", inside.Rule);
    }

    [Fact]
    public void The_originator_may_share_TLP_AMBER_STRICT_with_another_organisation()
    {
        Assert.Equal("gb-domestic", Decide(Share(Supervisor(), Phone(tlp: Tlp.AmberStrict), Peer("GB", "NCA"))).Rule);
    }

    [Fact]
    public void A_rule_with_a_TLP_ceiling_does_not_cover_narrower_records()
    {
        var german = Supervisor("DE", "BKA", "case-de-1");

        var decision = Decide(Share(german, Phone(caseId: "case-de-1", tlp: Tlp.AmberStrict, originAgency: "BKA"), Peer("US", "FBI")));

        Assert.Equal(BuiltInRules.NoLegalBasis, decision.Rule);
        Assert.Contains(decision.Trail, t => t.Contains("at most TLP:AMBER", StringComparison.Ordinal));
    }
}
