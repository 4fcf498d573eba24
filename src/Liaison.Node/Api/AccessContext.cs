using System.Security.Claims;
using Liaison.Node.Accounts;
using Liaison.Storage;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Api;

/// <summary>
/// The caller of a request with what need-to-know allows them: the cases they are members of.
/// Reads of personal data also carry a purpose from the configured list.
/// </summary>
public sealed class AccessContext(ClaimsPrincipal user, IReadOnlyList<string> cases)
{
    /// <summary>Purposes a read of personal data may state (Law Enforcement Directive art. 1(1)).</summary>
    public static readonly IReadOnlySet<string> Purposes = new HashSet<string>(StringComparer.Ordinal)
    {
        "investigation", "prosecution", "prevention", "victim-protection", "intelligence-analysis",
    };

    public string UserName { get; } = user.Identity?.Name ?? throw new InvalidOperationException("unauthenticated caller");
    public ClaimsPrincipal User { get; } = user;
    public IReadOnlyList<string> Cases { get; } = cases;

    public bool DoesCaseWork => Roles.CaseWork.Any(User.IsInRole);

    public static async Task<AccessContext> ForAsync(ClaimsPrincipal user, LiaisonDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(db);
        var name = user.Identity?.Name;
        var cases = Roles.CaseWork.Any(user.IsInRole)
            ? await db.CaseMembers.AsNoTracking().Where(m => m.UserName == name).Select(m => m.CaseId).ToListAsync(ct)
            : [];
        return new AccessContext(user, cases);
    }
}
