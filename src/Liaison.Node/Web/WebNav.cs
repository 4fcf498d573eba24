using System.Security.Claims;
using Liaison.Core.Policy;

namespace Liaison.Node.Web;

/// <summary>A link of the main navigation.</summary>
public sealed record NavItem(string Label, string Href)
{
    public bool IsCurrent(string path) => Href == "/" ? path == "/" : path.StartsWith(Href, StringComparison.Ordinal);
}

/// <summary>
/// The main navigation, showing only what the user's roles may open under the policy in force. It is
/// a convenience, not a control: each page asks the policy engine again when it is opened.
/// </summary>
public static class WebNav
{
    public static IReadOnlyList<string> RolesOf(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToList();
    }

    public static IReadOnlyList<NavItem> For(ClaimsPrincipal user, CompiledPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var roles = RolesOf(user).Select(r => PolicyNames.TryParseRole(r, out var role) ? role : (Role?)null).OfType<Role>().ToList();
        bool May(PolicyAction action) => policy.Permissions.GrantingRole(roles, action) is not null;
        var items = new List<NavItem> { new("Dashboard", "/") };
        if (May(PolicyAction.DraftRequest) || May(PolicyAction.ApproveRequest) || May(PolicyAction.RespondRequest))
        {
            items.Add(new("Requests", "/requests"));
        }
        if (May(PolicyAction.ReadLedger) || May(PolicyAction.VerifyLedger))
        {
            items.Add(new("Journal", "/journal"));
        }
        if (May(PolicyAction.ReadStatistics))
        {
            items.Add(new("Statistics", "/statistics"));
            items.Add(new("Request statistics", "/requests/statistics"));
        }
        if (May(PolicyAction.ReviewRetention))
        {
            items.Add(new("Retention", "/retention"));
        }
        if (May(PolicyAction.ManageUsers))
        {
            items.Add(new("Users", "/admin/users"));
        }
        if (May(PolicyAction.ManagePeers))
        {
            items.Add(new("Peers", "/admin/peers"));
        }
        if (May(PolicyAction.ManagePolicy))
        {
            items.Add(new("Policy", "/admin/policy"));
        }
        return items;
    }
}
