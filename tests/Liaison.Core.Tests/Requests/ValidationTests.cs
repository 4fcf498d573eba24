using Liaison.Core.Requests;
using Liaison.Core.Requests.Validation;
using Liaison.Core.Requests.Workflow;

namespace Liaison.Core.Tests.Requests;

public class ValidationTests
{
    private readonly DataAccessRequestValidator _validator = new(RequestRules.Default);

    [Fact]
    public void Fixtures_are_valid()
    {
        Assert.Empty(_validator.Validate(RequestFixtures.CloudAct()));
        Assert.Empty(_validator.Validate(RequestFixtures.Epoc()));
        Assert.Empty(_validator.Validate(RequestFixtures.Mlat()));
    }

    [Fact]
    public void Content_data_under_budapest_article_7_is_outside_its_scope()
    {
        var r = RequestFixtures.CloudAct() with
        {
            Instrument = LegalInstrument.BudapestArticle7SubscriberInformation,
            Type = RequestType.ContentData,
            Categories = DataCategory.SubscriberData | DataCategory.ContentData,
            Requester = new("fr-oclctic", "FR", "node-fr"),
        };
        var errors = _validator.Validate(r);
        Assert.Contains(errors, e => e.Field == "categories" && e.Reason.StartsWith("ContentData is outside the scope", StringComparison.Ordinal) && e.Ground == RefusalReason.OutsideInstrumentScope);
        Assert.Contains(errors, e => e.Field == "type" && e.Ground == RefusalReason.OutsideInstrumentScope);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(null)]
    public void Cloud_act_request_for_a_crime_below_three_years_is_not_a_serious_crime(int? years)
    {
        var errors = _validator.Validate(RequestFixtures.CloudAct() with { MaximumPenaltyYears = years });
        var e = Assert.Single(errors);
        Assert.Equal("maximumPenaltyYears", e.Field);
        Assert.Equal(RefusalReason.NotSeriousCrime, e.Ground);
        Assert.Equal("req-1", e.RequestId);
    }

    [Fact]
    public void Offence_not_on_the_configured_list_is_refused()
    {
        var e = Assert.Single(_validator.Validate(RequestFixtures.CloudAct() with { OffenceCode = "shoplifting" }));
        Assert.Equal(("offenceCode", RefusalReason.NotSeriousCrime), (e.Field, e.Ground));
    }

    [Fact]
    public void Eaw_list_has_32_offences()
    {
        Assert.Equal(32, RequestRules.Default.Offences.Categories.Count);
        Assert.True(RequestRules.Default.Offences.TryGet("trafficking-in-human-beings", out var t));
        Assert.Equal("trafficking in human beings", t.Title);
    }

    [Fact]
    public void Epoc_for_subscriber_data_is_allowed_for_any_offence_on_the_list()
    {
        Assert.Empty(_validator.Validate(RequestFixtures.Epoc() with { MaximumPenaltyYears = 1 }));
    }

    [Fact]
    public void Epoc_for_traffic_data_needs_three_years_or_a_directive_offence_committed_online()
    {
        var traffic = RequestFixtures.Epoc() with
        {
            Type = RequestType.TrafficData,
            Categories = DataCategory.TrafficData,
            OffenceCode = "computer-related-crime",
            MaximumPenaltyYears = 2,
        };
        Assert.Equal(RefusalReason.NotSeriousCrime, Assert.Single(_validator.Validate(traffic)).Ground);
        Assert.Empty(_validator.Validate(traffic with { CommittedByInformationSystem = true }));
        Assert.Single(_validator.Validate(traffic with { CommittedByInformationSystem = true, OffenceCode = "swindling" }));
        Assert.Empty(_validator.Validate(traffic with { MaximumPenaltyYears = 3, OffenceCode = "swindling" }));
    }

    [Fact]
    public void Uk_order_under_cloud_act_may_not_target_a_us_national_or_someone_in_the_us()
    {
        var national = RequestFixtures.CloudAct() with { Targets = [RequestFixtures.Targets.Target(TargetKind.Phone, "07911 123456", "GB", "US")] };
        var located = RequestFixtures.CloudAct() with { Targets = [RequestFixtures.Targets.Target(TargetKind.Phone, "07911 123456", "US", "GB")] };
        foreach (var r in new[] { national, located })
        {
            var e = Assert.Single(_validator.Validate(r));
            Assert.Equal(("targets[0]", RefusalReason.ProtectedPerson), (e.Field, e.Ground));
            Assert.DoesNotContain("7911", e.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Us_order_under_cloud_act_protects_people_in_the_uk_but_not_uk_nationals_abroad()
    {
        var us = RequestFixtures.CloudAct() with
        {
            Requester = new("us-fbi", "US", "node-us"),
            Addressee = new(AddresseeKind.ServiceProvider, "gb-telco", "GB"),
        };
        Assert.Empty(_validator.Validate(us with { Targets = [RequestFixtures.Targets.Target(TargetKind.Phone, "07911 123456", "FR", "GB")] }));
        Assert.Equal(RefusalReason.ProtectedPerson, Assert.Single(_validator.Validate(us)).Ground);
    }

    [Fact]
    public void Request_without_targets_is_refused()
    {
        var e = Assert.Single(_validator.Validate(RequestFixtures.CloudAct() with { Targets = [] }));
        Assert.Equal(("targets", RefusalReason.InsufficientInformation), (e.Field, e.Ground));
    }

    [Fact]
    public void Inverted_time_range_is_refused()
    {
        var r = RequestFixtures.CloudAct() with { Period = new(RequestFixtures.Start, RequestFixtures.Start.AddDays(-10)) };
        var e = Assert.Single(_validator.Validate(r));
        Assert.Equal(("period", "starts after it ends"), (e.Field, e.Reason));
    }

    [Fact]
    public void Short_statement_is_refused_with_its_length()
    {
        var e = Assert.Single(_validator.Validate(RequestFixtures.CloudAct() with { NecessityStatement = "  urgent, suspect is dangerous  " }));
        Assert.Equal("necessityStatement", e.Field);
        Assert.StartsWith("is 28 characters; at least 100", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Request_without_instrument_purpose_or_case_lists_all_three()
    {
        var r = RequestFixtures.CloudAct() with { Instrument = null, NecessityStatement = "", CaseId = " " };
        var ex = Assert.Throws<InvalidRequestException>(() => _validator.EnsureValid(r));
        Assert.Equal(["caseId", "necessityStatement", "instrument"], ex.Errors.Select(e => e.Field));
        Assert.Contains("request 'req-1' is not valid", ex.Message, StringComparison.Ordinal);
        Assert.Contains("field 'instrument': a request needs a legal instrument", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_never_repeat_target_values()
    {
        var r = RequestFixtures.CloudAct() with
        {
            Targets = [new RequestTarget(TargetKind.Phone, "07911 123456"), new RequestTarget(TargetKind.Email, "not-an-email")],
        };
        var ex = Assert.Throws<InvalidRequestException>(() => _validator.EnsureValid(r));
        Assert.Equal(["targets[0]", "targets[1]"], ex.Errors.Select(e => e.Field));
        Assert.DoesNotContain("7911", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-an-email", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_targets_are_refused()
    {
        var t = RequestFixtures.Targets.Target(TargetKind.Phone, "+44 7911 123456");
        var e = Assert.Single(_validator.Validate(RequestFixtures.CloudAct() with { Targets = [t, t] }));
        Assert.Equal(("targets[1]", "repeats targets[0]"), (e.Field, e.Reason));
    }

    [Fact]
    public void Cloud_act_request_to_a_provider_in_the_requesters_own_country_is_refused()
    {
        var r = RequestFixtures.CloudAct() with { Addressee = new(AddresseeKind.ServiceProvider, "gb-telco", "GB") };
        Assert.Contains(_validator.Validate(r), e => e.Field == "addressee.jurisdiction" && e.Ground == RefusalReason.OutsideInstrumentScope);
    }

    [Fact]
    public void Epoc_cannot_be_issued_by_denmark_or_sent_to_an_agency()
    {
        var danish = RequestFixtures.Epoc() with { Requester = new("dk-police", "DK", "node-dk") };
        Assert.Contains(_validator.Validate(danish), e => e.Field == "requester.jurisdiction");
        var toAgency = RequestFixtures.Epoc() with { Addressee = new(AddresseeKind.Agency, "ie-garda", "IE") };
        Assert.Contains(_validator.Validate(toAgency), e => e.Field == "addressee.kind");
    }

    [Fact]
    public void Domain_registration_request_takes_only_domain_targets()
    {
        var r = RequestFixtures.CloudAct() with
        {
            Instrument = LegalInstrument.BudapestArticle6DomainRegistration,
            Type = RequestType.SubscriberData,
            Categories = DataCategory.DomainRegistrationData,
        };
        Assert.Contains(_validator.Validate(r), e => e.Field == "targets[0]" && e.Ground == RefusalReason.OutsideInstrumentScope);
        Assert.Empty(_validator.Validate(r with { Targets = [RequestFixtures.Targets.Target(TargetKind.Domain, "Bücher-Shop.example.")] }));
    }

    [Fact]
    public void Terrorist_content_removal_orders_are_for_terrorism_only()
    {
        var r = RequestFixtures.Epoc() with
        {
            Instrument = LegalInstrument.TerroristContentRemovalOrder,
            Type = RequestType.ContentTakedown,
            Categories = DataCategory.ContentData,
            OffenceCode = "racism-xenophobia",
            Period = null,
        };
        Assert.Equal("offenceCode", Assert.Single(_validator.Validate(r)).Field);
        Assert.Empty(_validator.Validate(r with { OffenceCode = "terrorism" }));
    }

    [Fact]
    public void Emergency_needs_a_stated_threat_and_follow_up_needs_its_hit()
    {
        Assert.Equal("emergencyJustification", Assert.Single(_validator.Validate(RequestFixtures.Epoc() with { Urgency = Urgency.Emergency })).Field);
        var prum = RequestFixtures.Mlat() with { Instrument = LegalInstrument.PrumFollowUp, Type = RequestType.FollowUpAfterHit, Categories = DataCategory.DataBehindHit };
        Assert.Equal("hitReference", Assert.Single(_validator.Validate(prum)).Field);
        Assert.Empty(_validator.Validate(prum with { HitReference = "hit-2025-0042" }));
    }

    [Fact]
    public void Request_type_must_match_its_categories()
    {
        var mislabelled = RequestFixtures.CloudAct() with { Type = RequestType.TrafficData, Categories = DataCategory.SubscriberData };
        Assert.Equal("a TrafficData request must name TrafficData", Assert.Single(_validator.Validate(mislabelled)).Reason);
        var tooMuch = RequestFixtures.CloudAct() with { Type = RequestType.SubscriberData, Categories = DataCategory.SubscriberData | DataCategory.ContentData };
        Assert.Equal("ContentData cannot be requested in a SubscriberData request", Assert.Single(_validator.Validate(tooMuch)).Reason);
    }

    [Fact]
    public void Traffic_data_under_epoc_must_be_validated_by_a_judge_not_a_prosecutor()
    {
        var f = new RequestFixtures();
        var w = f.Workflow;
        var traffic = RequestFixtures.Epoc() with { Type = RequestType.TrafficData, Categories = DataCategory.SubscriberData | DataCategory.TrafficData };
        var awaiting = w.Approve(w.Open(traffic, RequestFixtures.German("inv-de", RequestRole.Investigator)).Request, RequestFixtures.German("sup-de", RequestRole.Supervisor)).Request;
        Assert.Equal(RequestState.AwaitingValidation, awaiting.State);

        var prosecutor = new RequestActor("sta-1", "sta-berlin", RequestRole.DesignatedAuthority, AuthorityCapacity.Prosecutor);
        var e = Assert.Throws<RequestActionDeniedException>(() => w.Validate(awaiting, prosecutor));
        Assert.Contains("InvestigatingJudge, Judge, Court", e.Reason, StringComparison.Ordinal);
        var judge = new RequestActor("ag-1", "ag-tiergarten", RequestRole.DesignatedAuthority, AuthorityCapacity.InvestigatingJudge);
        Assert.Equal(RequestState.Approved, w.Validate(awaiting, judge).Request.State);
    }

    [Fact]
    public void Subscriber_data_under_epoc_may_be_validated_by_a_prosecutor()
    {
        var f = new RequestFixtures();
        var w = f.Workflow;
        var awaiting = w.Approve(w.Open(RequestFixtures.Epoc(), RequestFixtures.German("inv-de", RequestRole.Investigator)).Request, RequestFixtures.German("sup-de", RequestRole.Supervisor)).Request;
        var prosecutor = new RequestActor("sta-1", "sta-berlin", RequestRole.DesignatedAuthority, AuthorityCapacity.Prosecutor);
        Assert.Equal(RequestState.Approved, w.Validate(awaiting, prosecutor).Request.State);
    }

    [Fact]
    public void Cloud_act_order_needs_the_designated_authority_not_just_a_judge()
    {
        var f = new RequestFixtures();
        var awaiting = f.InState(RequestState.AwaitingValidation);
        var judge = new RequestActor("j-1", "crown-court", RequestRole.DesignatedAuthority, AuthorityCapacity.Judge);
        Assert.Throws<RequestActionDeniedException>(() => f.Workflow.Validate(awaiting, judge));
    }

    [Fact]
    public void Offence_list_can_be_configured_from_text()
    {
        var list = Liaison.Core.Requests.Offences.OffenceCatalogue.Parse("# national list\nhomicide;homicide\nransomware;ransomware attacks;eevidence\n");
        Assert.Equal(2, list.Categories.Count);
        Assert.True(list.TryGet("ransomware", out var r) && r.EEvidenceDirectiveOffence);
        var e = Assert.Throws<FormatException>(() => Liaison.Core.Requests.Offences.OffenceCatalogue.Parse("ok;fine\nbroken\n", "national.txt"));
        Assert.StartsWith("national.txt:2:", e.Message, StringComparison.Ordinal);
    }
}
