using Liaison.Core.Policy;
using Liaison.Node.Audit;
using Liaison.Node.Policy;
using Liaison.Storage;
using Liaison.Storage.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Federation;

/// <summary>
/// The policy gate of <c>liaison match</c>, which runs on the node's folder without a server: the
/// run is made in the name of a node user (their roles and case memberships from the database, as
/// <see cref="RequestGate"/> builds them from a signed-in user), decided by the same policy engine and
/// journalled the same way. The operator holding the folder could read the database anyway; the
/// point is that a match is decided and attributed like one made through the API.
/// </summary>
public sealed class CommandLineGate(LiaisonDb db, NodeConfig node, PolicyStore store, AuditJournal journal, TimeProvider clock)
{
    /// <summary>Decides and journals a run-match by <paramref name="userName"/>; an unknown or locked user is denied.</summary>
    public async Task<PolicyDecision> DecideRunMatchAsync(string userName, string caseId, string purpose, string subject, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userName);
        var action = PolicyNames.Of(PolicyAction.RunMatch);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null || user.LockedUntil > clock.GetUtcNow())
        {
            var refusal = PolicyDecision.Deny("user-required", user is null
                ? "liaison match runs in the name of a user of this node (liaison user add)"
                : "the user's account is locked");
            await journal.RecordAsync(userName, action, "deny", caseId, purpose, refusal.Rule, subject + " " + refusal.ToJson(), ct);
            return refusal;
        }
        var roles = user.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => PolicyNames.TryParseRole(r, out var role) ? role : (Role?)null).OfType<Role>();
        var cases = await db.CaseMembers.AsNoTracking().Where(m => m.UserName == userName).Select(m => m.CaseId).ToListAsync(ct);
        var caller = new Caller(userName, roles, cases, node.Agency, node.NodeId, node.Jurisdiction);
        var decision = new PolicyEngine(store, new CaseRegister(db, node)).Decide(new AccessRequest
        {
            Caller = caller, Action = PolicyAction.RunMatch, CaseId = caseId, Purpose = purpose,
        });
        await journal.RecordAsync(userName, action, decision.IsPermitted ? "permit" : "deny", caseId, purpose, decision.Rule,
            subject + " " + decision.ToJson(), ct);
        return decision;
    }
}
