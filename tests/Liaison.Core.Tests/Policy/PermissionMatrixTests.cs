using Liaison.Core.Policy;
using static Liaison.Core.Tests.Policy.PolicyTestData;

namespace Liaison.Core.Tests.Policy;

public class PermissionMatrixTests
{
    /// <summary>The table docs/policy.md promises, written out by hand so that a change to the matrix must change this too.</summary>
    private static readonly Dictionary<string, string[]> Expected = new()
    {
        ["investigator"] = ["read-record", "search", "import", "export", "run-match", "draft-request"],
        ["analyst"] = ["read-record", "search", "import", "run-match"],
        ["supervisor"] = ["read-record", "search", "export", "share", "run-match", "draft-request", "approve-request", "read-statistics", "review-retention", "check-policy"],
        ["liaison-officer"] = ["read-record", "search", "share", "draft-request", "respond-request"],
        ["dpo"] = ["read-ledger", "verify-ledger", "read-statistics", "review-retention", "purge-records", "check-policy"],
        ["admin"] = ["verify-ledger", "read-statistics", "manage-users", "manage-peers", "manage-policy"],
        ["designated-authority"] = ["read-record", "approve-request"],
        ["provider-compliance"] = ["read-record", "respond-request"],
    };

    public static TheoryData<Role, PolicyAction> EveryRoleAndAction()
    {
        var data = new TheoryData<Role, PolicyAction>();
        foreach (var role in Enum.GetValues<Role>())
        {
            foreach (var action in Enum.GetValues<PolicyAction>())
            {
                data.Add(role, action);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryRoleAndAction))]
    public void Every_role_may_do_exactly_the_actions_of_the_documented_table(Role role, PolicyAction action)
    {
        var caller = Caller(role);
        var request = new AccessRequest
        {
            Caller = caller,
            Action = action,
            CaseId = "case-gb-1",
            Purpose = "criminal-investigation",
            Recipient = action == PolicyAction.Share ? Peer("GB") : null,
        };

        var decision = Decide(request);

        var expected = Expected[PolicyNames.Of(role)].Contains(PolicyNames.Of(action));
        Assert.True(expected == decision.IsPermitted, $"{PolicyNames.Of(role)} × {PolicyNames.Of(action)}: expected {(expected ? "permit" : "deny")}, got {decision.Effect} by {decision.Rule}: {decision.Reason}");
        if (!expected)
        {
            Assert.Contains(decision.Rule, new[] { BuiltInRules.PermissionMatrix, BuiltInRules.OversightNeverReadsContent });
        }
    }

    [Theory]
    [MemberData(nameof(EveryRoleAndAction))]
    public void The_built_in_matrix_and_the_shipped_file_agree(Role role, PolicyAction action)
    {
        Assert.Equal(PermissionMatrix.Default.Allows(role, action), Default.Permissions.Allows(role, action));
    }

    [Fact]
    public void An_action_no_role_lists_is_denied_to_everyone()
    {
        var matrix = new PermissionMatrix(new Dictionary<Role, IReadOnlyCollection<PolicyAction>> { [Role.Investigator] = [PolicyAction.Search] });

        Assert.All(Enum.GetValues<Role>(), role => Assert.False(matrix.Allows(role, PolicyAction.ReadRecord)));
        Assert.Null(matrix.GrantingRole(Enum.GetValues<Role>(), PolicyAction.ManagePolicy));
    }

    [Fact]
    public void A_matrix_granting_case_content_to_the_dpo_is_refused()
    {
        var grants = new Dictionary<Role, IReadOnlyCollection<PolicyAction>> { [Role.DataProtectionOfficer] = [PolicyAction.ReadLedger, PolicyAction.ReadRecord] };

        var e = Assert.Throws<ArgumentException>(() => new PermissionMatrix(grants));

        Assert.Contains("read-record", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dpo_who_also_holds_a_case_role_still_cannot_read_case_content()
    {
        var caller = new Caller("user-x", [Role.DataProtectionOfficer, Role.Investigator], ["case-gb-1"], "Met Police", "node-gb", "GB");

        var decision = Decide(new AccessRequest { Caller = caller, Action = PolicyAction.ReadRecord, CaseId = "case-gb-1", Purpose = "criminal-investigation", Record = Person() });

        Assert.Equal(PolicyEffect.Deny, decision.Effect);
        Assert.Equal(BuiltInRules.OversightNeverReadsContent, decision.Rule);
    }

    [Fact]
    public void A_dpo_reads_the_ledger_without_a_case_or_purpose()
    {
        var decision = Decide(new AccessRequest { Caller = Caller(Role.DataProtectionOfficer), Action = PolicyAction.ReadLedger });

        Assert.Equal(PolicyEffect.Permit, decision.Effect);
        Assert.Equal(BuiltInRules.PermissionMatrix, decision.Rule);
    }

    [Fact]
    public void A_caller_with_no_roles_may_do_nothing()
    {
        var caller = new Caller("user-none", [], ["case-gb-1"], "Met Police", "node-gb", "GB");

        Assert.All(Enum.GetValues<PolicyAction>(), action =>
            Assert.False(Decide(new AccessRequest { Caller = caller, Action = action, CaseId = "case-gb-1", Purpose = "criminal-investigation" }).IsPermitted));
    }
}
