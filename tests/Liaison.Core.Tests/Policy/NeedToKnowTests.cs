using Liaison.Core.Policy;
using static Liaison.Core.Tests.Policy.PolicyTestData;

namespace Liaison.Core.Tests.Policy;

public class NeedToKnowTests
{
    private static AccessRequest Read(Caller caller, string caseId, Liaison.Core.Model.EntityRecord? record = null) =>
        new() { Caller = caller, Action = PolicyAction.ReadRecord, CaseId = caseId, Purpose = "criminal-investigation", Record = record };

    [Fact]
    public void A_member_of_a_case_reads_its_records()
    {
        var decision = Decide(Read(Investigator(), "case-gb-1", Person(caseId: "case-gb-1")));

        Assert.Equal(PolicyEffect.Permit, decision.Effect);
        Assert.Equal(BuiltInRules.CaseMembership, decision.Rule);
    }

    [Fact]
    public void An_investigator_cannot_read_a_case_they_are_not_a_member_of()
    {
        var decision = Decide(Read(Investigator(), "case-gb-2", Person(caseId: "case-gb-2")));

        Assert.Equal(PolicyEffect.Deny, decision.Effect);
        Assert.Equal(BuiltInRules.NeedToKnow, decision.Rule);
    }

    [Fact]
    public void A_record_of_a_foreign_case_cannot_be_read_by_declaring_ones_own_case()
    {
        // The MISP/OpenCTI pattern: pass an object you may see, act on one you may not.
        var decision = Decide(Read(Investigator(), "case-gb-1", Person(caseId: "case-gb-3")));

        Assert.Equal(PolicyEffect.Deny, decision.Effect);
        Assert.Equal(BuiltInRules.NeedToKnow, decision.Rule);
    }

    [Fact]
    public void A_supervisor_sees_the_cases_of_their_unit_by_rule()
    {
        var supervisor = Caller(Role.Supervisor, unit: "unit-a", cases: "case-gb-1");

        var decision = Decide(Read(supervisor, "case-gb-2", Person(caseId: "case-gb-2")));

        Assert.Equal(PolicyEffect.Permit, decision.Effect);
        Assert.Equal("supervisor-sees-unit", decision.Rule);
    }

    [Fact]
    public void A_supervisor_does_not_see_another_units_cases()
    {
        var supervisor = Caller(Role.Supervisor, unit: "unit-a", cases: "case-gb-1");

        Assert.Equal(BuiltInRules.NeedToKnow, Decide(Read(supervisor, "case-gb-3", Person(caseId: "case-gb-3"))).Rule);
    }

    [Fact]
    public void A_supervisor_does_not_see_a_same_named_unit_of_another_agency()
    {
        var supervisor = Caller(Role.Supervisor, unit: "unit-a", cases: "case-gb-1");

        Assert.Equal(BuiltInRules.NeedToKnow, Decide(Read(supervisor, "case-gb-nca", Person(caseId: "case-gb-nca"))).Rule);
    }

    [Fact]
    public void The_liaison_desk_sees_every_case_of_its_agency_and_no_other()
    {
        var desk = Caller(Role.LiaisonOfficer, unit: "desk", cases: "case-none");

        Assert.Equal("liaison-desk-sees-agency", Decide(Read(desk, "case-gb-3", Person(caseId: "case-gb-3"))).Rule);
        Assert.Equal(BuiltInRules.NeedToKnow, Decide(Read(desk, "case-gb-nca", Person(caseId: "case-gb-nca"))).Rule);
    }

    [Fact]
    public void A_case_the_register_does_not_know_is_visible_to_nobody_but_members()
    {
        var supervisor = Caller(Role.Supervisor, unit: "unit-a", cases: "case-gb-1");

        Assert.Equal(BuiltInRules.NeedToKnow, Decide(Read(supervisor, "case-unknown")).Rule);
    }

    [Fact]
    public void Search_results_are_filtered_to_the_cases_the_caller_may_see()
    {
        var engine = new PolicyEngine(new PolicyStore(Default), Register);
        var visibility = engine.VisibilityFor(Caller(Role.Supervisor, unit: "unit-a", cases: "case-gb-1"));

        var visible = new[] { "case-gb-1", "case-gb-2", "case-gb-3", "case-gb-nca", "case-de-1" }.Where(visibility.MaySee).ToList();

        Assert.Equal(["case-gb-1", "case-gb-2"], visible);
    }

    [Fact]
    public void The_visible_case_set_for_a_query_matches_the_row_filter()
    {
        var engine = new PolicyEngine(new PolicyStore(Default), Register);
        var supervisor = Caller(Role.Supervisor, unit: "unit-a", cases: "case-gb-1");

        var visible = engine.VisibleCases(supervisor);

        Assert.Equal(["case-gb-1", "case-gb-2"], visible.Order(StringComparer.Ordinal));
        Assert.Empty(engine.VisibleCases(Caller(Role.DataProtectionOfficer)));
    }

    [Fact]
    public void The_dpo_sees_no_case_even_as_a_member()
    {
        var engine = new PolicyEngine(new PolicyStore(Default), Register);
        var dpo = new Caller("user-dpo", [Role.DataProtectionOfficer], ["case-gb-1"], "Met Police", "node-gb", "GB", "unit-a");

        Assert.False(engine.VisibilityFor(dpo).MaySee("case-gb-1"));
    }
}
