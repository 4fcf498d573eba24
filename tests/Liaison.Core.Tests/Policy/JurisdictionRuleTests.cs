using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Core.Policy;
using Liaison.Core.Policy.Loading;
using static Liaison.Core.Tests.Policy.PolicyTestData;

namespace Liaison.Core.Tests.Policy;

public class JurisdictionRuleTests
{
    private static readonly Caller GermanSupervisor = Supervisor("DE", "BKA", "case-de-1");
    private static readonly Caller BritishSupervisor = Supervisor("GB", "Met Police", "case-gb-1");

    private static AccessRequest Share(Caller caller, EntityRecord? record, Recipient to, string purpose = "criminal-investigation",
        string? offence = null, string? instrument = null, IReadOnlyCollection<string>? categories = null) => new()
        {
            Caller = caller,
            Action = PolicyAction.Share,
            CaseId = caller.Cases.First(),
            Purpose = purpose,
            Record = record,
            Recipient = to,
            Offence = offence,
            Instrument = instrument,
            Categories = categories ?? [],
        };

    private static EntityRecord GermanPerson(SubjectCategories subjects = SubjectCategories.Suspect, Tlp tlp = Tlp.Amber) =>
        Person(caseId: "case-de-1", subjects: subjects, tlp: tlp, originAgency: "BKA");

    [Fact]
    public void EU_to_US_without_any_instrument_in_the_policy_is_denied()
    {
        const string euOnly = """
            format: liaison-policy/1
            version: eu-only
            purposes: [{ id: criminal-investigation, description: x }]
            data-categories: [{ id: identity, schemata: [Person] }]
            jurisdiction-groups: { EU: [DE, FR] }
            instruments: [{ id: eu-directive-2023-977, name: Directive 2023/977 }]
            rules:
              - id: eu-internal
                description: inside the EU
                from: [EU]
                to: [EU]
                instrument: eu-directive-2023-977
                purposes: [criminal-investigation]
                categories: [identity]
            """;
        var policy = PolicyLoader.Compile(euOnly, "eu-only.yaml");

        var decision = policy.Decide(Share(GermanSupervisor, GermanPerson(), Peer("US", "FBI")), Register);

        Assert.Equal(PolicyEffect.Deny, decision.Effect);
        Assert.Equal(BuiltInRules.NoLegalBasis, decision.Rule);
        Assert.Contains("DE → US", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EU_to_US_under_the_Umbrella_Agreement_is_permitted_with_its_obligations()
    {
        var decision = Decide(Share(GermanSupervisor, GermanPerson(), Peer("US", "FBI")));

        Assert.Equal(PolicyEffect.PermitWithObligations, decision.Effect);
        Assert.Equal("eu-to-us-umbrella", decision.Rule);
        Assert.Contains(new AddHandling(HandlingCodes.H1), decision.Obligations);
        Assert.Contains(new RedactProperties(["birthPlace"]), decision.Obligations);
    }

    [Fact]
    public void EU_to_US_for_a_purpose_no_agreement_covers_is_denied()
    {
        var decision = Decide(Share(GermanSupervisor, GermanPerson(), Peer("US", "FBI"), purpose: "intelligence-analysis"));

        Assert.Equal(BuiltInRules.NoLegalBasis, decision.Rule);
        Assert.Contains(decision.Trail, t => t.StartsWith("eu-to-us-umbrella: does not cover purpose", StringComparison.Ordinal));
    }

    [Fact]
    public void Childrens_data_does_not_go_from_the_EU_to_the_US()
    {
        var decision = Decide(Share(GermanSupervisor, GermanPerson(SubjectCategories.Minor | SubjectCategories.Victim), Peer("US", "FBI")));

        Assert.Equal(BuiltInRules.NoLegalBasis, decision.Rule);
        Assert.Contains(decision.Trail, t => t.Contains("'minors'", StringComparison.Ordinal));
    }

    [Fact]
    public void Childrens_data_goes_from_the_EU_to_the_UK_only_to_identify_victims_of_child_exploitation()
    {
        var child = GermanPerson(SubjectCategories.Minor | SubjectCategories.Victim);
        var met = Peer("GB", "Met Police");

        var forIdentification = Decide(Share(GermanSupervisor, child, met, purpose: "victim-identification", offence: "child-sexual-exploitation"));
        var forInvestigation = Decide(Share(GermanSupervisor, child, met, purpose: "criminal-investigation", offence: "child-sexual-exploitation"));
        var forFraud = Decide(Share(GermanSupervisor, child, met, purpose: "victim-identification", offence: "fraud"));

        Assert.Equal("eu-to-gb-minors-victim-identification", forIdentification.Rule);
        Assert.Contains(new PseudonymiseSubjects(SubjectCategoriesExtensions.Protected), forIdentification.Obligations);
        Assert.Equal(BuiltInRules.NoLegalBasis, forInvestigation.Rule);
        Assert.Equal(BuiltInRules.NoLegalBasis, forFraud.Rule);
    }

    [Fact]
    public void A_CLOUD_Act_request_for_a_non_serious_crime_is_denied()
    {
        var decision = Decide(Share(BritishSupervisor, Phone(), Peer("US", "Provider Inc"), offence: "theft", instrument: "us-uk-cloud-act-daa"));

        Assert.Equal(BuiltInRules.NoLegalBasis, decision.Rule);
        Assert.Contains(decision.Trail, t => t.Contains("serious", StringComparison.Ordinal) && t.Contains("'theft'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_CLOUD_Act_request_without_an_offence_is_denied()
    {
        Assert.Equal(BuiltInRules.NoLegalBasis, Decide(Share(BritishSupervisor, Phone(), Peer("US", "Provider Inc"), instrument: "us-uk-cloud-act-daa")).Rule);
    }

    [Fact]
    public void A_CLOUD_Act_request_for_serious_crime_is_permitted_with_attachments_stripped()
    {
        var decision = Decide(Share(BritishSupervisor, Phone(), Peer("US", "Provider Inc"), offence: "terrorism", instrument: "us-uk-cloud-act-daa"));

        Assert.Equal("gb-to-us-cloud-act", decision.Rule);
        Assert.Contains(decision.Obligations, o => o is StripAttachments);
    }

    [Fact]
    public void A_drafted_request_is_checked_on_the_categories_it_carries()
    {
        var request = Share(BritishSupervisor, null, Peer("US", "Provider Inc"), offence: "fraud", instrument: "us-uk-cloud-act-daa", categories: ["contact", "content"]) with
        {
            Action = PolicyAction.DraftRequest,
        };

        var decision = Decide(request);

        Assert.Equal("gb-to-us-cloud-act", decision.Rule);
        Assert.Contains("categories: contact, content", decision.Trail);
    }

    [Fact]
    public void A_rule_under_an_instrument_not_in_force_never_applies()
    {
        var decision = Decide(Share(GermanSupervisor, Phone(caseId: "case-de-1", originAgency: "BKA"), Peer("US", "Provider Inc"), instrument: "budapest-second-protocol"));

        Assert.Equal(BuiltInRules.NoLegalBasis, decision.Rule);
        Assert.Contains("eu-to-us-budapest-subscriber-information: instrument 'budapest-second-protocol' is not in force", decision.Trail);
    }

    [Fact]
    public void Unknown_offence_and_instrument_are_refused_by_name()
    {
        Assert.Equal(BuiltInRules.OffenceUnknown, Decide(Share(BritishSupervisor, Phone(), Peer("US"), offence: "jaywalking")).Rule);
        Assert.Equal(BuiltInRules.InstrumentUnknown, Decide(Share(BritishSupervisor, Phone(), Peer("US"), instrument: "handshake")).Rule);
        Assert.Equal(BuiltInRules.CategoryUnknown, Decide(Share(BritishSupervisor, null, Peer("US"), categories: ["gossip"])).Rule);
    }

    [Fact]
    public void A_share_without_a_recipient_is_refused()
    {
        var decision = Decide(new AccessRequest { Caller = BritishSupervisor, Action = PolicyAction.Share, CaseId = "case-gb-1", Purpose = "criminal-investigation", Record = Person() });

        Assert.Equal(BuiltInRules.RecipientRequired, decision.Rule);
    }

    [Fact]
    public void Victims_are_pseudonymised_by_default_on_a_domestic_share()
    {
        var decision = Decide(Share(BritishSupervisor, Person(subjects: SubjectCategories.Victim), Peer("GB", "NCA")));

        Assert.Equal("gb-domestic", decision.Rule);
        Assert.Equal(PolicyEffect.PermitWithObligations, decision.Effect);
        Assert.Contains(new PseudonymiseSubjects(SubjectCategoriesExtensions.Protected), decision.Obligations);
    }

    [Fact]
    public void Victims_are_disclosed_only_where_a_rule_says_so()
    {
        var decision = Decide(Share(BritishSupervisor, Person(subjects: SubjectCategories.Victim), Peer("GB", "CPS"), purpose: "prosecution"));

        Assert.Equal("gb-domestic-prosecution", decision.Rule);
        Assert.DoesNotContain(decision.Obligations, o => o is PseudonymiseSubjects);
    }

    [Fact]
    public void A_file_export_is_an_outbound_path_and_pseudonymises_victims()
    {
        var investigator = Investigator();
        var decision = Decide(new AccessRequest
        {
            Caller = investigator,
            Action = PolicyAction.Export,
            CaseId = "case-gb-1",
            Purpose = "criminal-investigation",
            Record = Person(subjects: SubjectCategories.Victim),
        });

        Assert.Equal("gb-domestic", decision.Rule);
        Assert.Contains(decision.Obligations, o => o is PseudonymiseSubjects);
    }

    [Fact]
    public void A_suspect_record_goes_without_pseudonymisation()
    {
        var decision = Decide(Share(BritishSupervisor, Person(subjects: SubjectCategories.Suspect), Peer("GB", "NCA")));

        Assert.Equal(PolicyEffect.Permit, decision.Effect);
        Assert.Empty(decision.Obligations);
    }

    [Fact]
    public void Informants_never_leave_the_country()
    {
        var decision = Decide(Share(BritishSupervisor, Person(subjects: SubjectCategories.Informant), Peer("DE", "BKA")));

        Assert.Equal(BuiltInRules.NoLegalBasis, decision.Rule);
    }

    [Fact]
    public void The_trail_explains_a_bounded_number_of_rules_and_counts_the_rest()
    {
        var rules = string.Concat(Enumerable.Range(0, 50).Select(i => $$"""
              - { id: rule-{{i}}, description: r, from: [GB], to: [GB], instrument: domestic, purposes: [criminal-investigation], categories: [identity], offences: [fraud] }

            """));
        var text = PolicyLoaderTests.Minimal.Replace("rules:\n", "offences: [{ id: fraud }, { id: theft }]\nrules:\n" + rules, StringComparison.Ordinal);
        var policy = PolicyLoader.Compile(text, "many.yaml");

        var decision = policy.Decide(Share(BritishSupervisor, Person(), Peer("GB", "NCA"), offence: "theft"), Register);

        Assert.Equal("gb-domestic", decision.Rule);
        Assert.Equal(CompiledPolicy.MaxExplainedRules, decision.Trail.Count(t => t.StartsWith("rule-", StringComparison.Ordinal)));
        Assert.Contains("… and 30 more rules that do not cover it", decision.Trail);
    }

    [Fact]
    public void A_route_no_rule_mentions_is_denied()
    {
        var decision = Decide(Share(BritishSupervisor, Phone(), Peer("CN", "Somebody")));

        Assert.Equal(BuiltInRules.NoLegalBasis, decision.Rule);
        Assert.Contains("no rule lets data go GB → CN", decision.Reason, StringComparison.Ordinal);
    }
}
