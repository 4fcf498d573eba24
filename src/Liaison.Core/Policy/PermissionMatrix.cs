using System.Collections.Frozen;
using static Liaison.Core.Policy.PolicyAction;

namespace Liaison.Core.Policy;

/// <summary>
/// Which role may do which action. Deny by default: an action no role lists is refused to everyone,
/// so a new action is closed until someone opens it here or in the policy file's <c>roles:</c> section.
/// </summary>
public sealed class PermissionMatrix
{
    private readonly FrozenDictionary<Role, FrozenSet<PolicyAction>> grants;

    public PermissionMatrix(IReadOnlyDictionary<Role, IReadOnlyCollection<PolicyAction>> grants)
    {
        ArgumentNullException.ThrowIfNull(grants);
        foreach (var action in grants.GetValueOrDefault(Role.DataProtectionOfficer) ?? [])
        {
            // Oversight must stay independent of the casework it oversees (LED art. 34 tasks).
            if (action.TouchesCaseContent())
            {
                throw new ArgumentException($"the dpo role may not be granted '{PolicyNames.Of(action)}': oversight never reads case content", nameof(grants));
            }
        }
        this.grants = grants.ToFrozenDictionary(g => g.Key, g => g.Value.ToFrozenSet());
    }

    /// <summary>The matrix documented in docs/policy.md, used when the policy file has no <c>roles:</c> section.</summary>
    public static PermissionMatrix Default { get; } = new(new Dictionary<Role, IReadOnlyCollection<PolicyAction>>
    {
        [Role.Investigator] = [ReadRecord, Search, Import, Export, RunMatch, DraftRequest],
        [Role.Analyst] = [ReadRecord, Search, Import, RunMatch],
        [Role.Supervisor] = [ReadRecord, Search, Export, Share, RunMatch, DraftRequest, ApproveRequest, ReadStatistics, ReviewRetention, CheckPolicy],
        [Role.LiaisonOfficer] = [ReadRecord, Search, Share, DraftRequest, RespondRequest],
        [Role.DataProtectionOfficer] = [ReadLedger, VerifyLedger, ReadStatistics, ReviewRetention, PurgeRecords, CheckPolicy],
        [Role.Admin] = [VerifyLedger, ReadStatistics, ManageUsers, ManagePeers, ManagePolicy],
        [Role.DesignatedAuthority] = [ReadRecord, ApproveRequest],
        [Role.ProviderCompliance] = [ReadRecord, RespondRequest],
    });

    public bool Allows(Role role, PolicyAction action) => grants.TryGetValue(role, out var actions) && actions.Contains(action);

    /// <summary>The first of the caller's roles (in declaration order) that may do the action, or null.</summary>
    public Role? GrantingRole(IEnumerable<Role> roles, PolicyAction action)
    {
        ArgumentNullException.ThrowIfNull(roles);
        foreach (var role in roles.Order())
        {
            if (Allows(role, action))
            {
                return role;
            }
        }
        return null;
    }

    public IReadOnlyCollection<PolicyAction> ActionsOf(Role role) => grants.TryGetValue(role, out var actions) ? actions : [];
}
