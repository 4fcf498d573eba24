using Liaison.Core.Model;
using Liaison.Core.Policy;
using Liaison.Node.Accounts;
using Liaison.Node.Audit;
using Liaison.Storage;
using Liaison.Storage.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Policy;

/// <summary>
/// The one chokepoint every endpoint passes: builds the <see cref="Caller"/> from the signed-in user
/// and their case memberships, asks the policy engine, and journals the decision (permit or deny,
/// with its rule and trail) before the handler does anything.
/// </summary>
public sealed class RequestGate(IHttpContextAccessor http, LiaisonDb db, NodeConfig node, PolicyStore store, AuditJournal journal)
{
    private Caller? _caller;
    private PolicyEngine? _engine;

    public PolicyEngine Engine => _engine ??= new PolicyEngine(store, new CaseRegister(db, node));

    public async Task<Caller> CallerAsync(CancellationToken ct)
    {
        if (_caller is not null)
        {
            return _caller;
        }
        var user = http.HttpContext?.User ?? throw new InvalidOperationException("no request");
        var name = user.Identity?.Name ?? throw new InvalidOperationException("unauthenticated caller");
        var roles = user.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => PolicyNames.TryParseRole(c.Value, out var r) ? r : (Role?)null).OfType<Role>();
        var cases = await db.CaseMembers.AsNoTracking().Where(m => m.UserName == name).Select(m => m.CaseId).ToListAsync(ct);
        return _caller = new Caller(name, roles, cases, node.Agency, node.NodeId, node.Jurisdiction);
    }

    /// <summary>Decides and journals one request. <paramref name="subject"/> names what was asked for (a record id, a query size), never personal data.</summary>
    public async Task<PolicyDecision> DecideAsync(PolicyAction action, string? caseId = null, string? purpose = null, EntityRecord? record = null,
        string? subject = null, CancellationToken ct = default, Recipient? recipient = null)
    {
        var caller = await CallerAsync(ct);
        var decision = Engine.Decide(new AccessRequest { Caller = caller, Action = action, CaseId = caseId, Purpose = purpose, Record = record, Recipient = recipient });
        await journal.RecordAsync(caller.UserId, PolicyNames.Of(action), decision.IsPermitted ? "permit" : "deny", caseId ?? record?.Envelope.CaseId, purpose,
            decision.Rule, subject is null ? decision.ToJson() : subject + " " + decision.ToJson(), ct);
        return decision;
    }

    /// <summary>
    /// Only the role check, journalled, for acts on no case content yet: listing one's own cases,
    /// opening a new case (nobody has need-to-know of a case that does not exist).
    /// </summary>
    public async Task<bool> PermissionAsync(PolicyAction action, string what, string? caseId = null, CancellationToken ct = default)
    {
        var caller = await CallerAsync(ct);
        var role = store.Current.Permissions.GrantingRole(caller.Roles, action);
        var permitted = role is not null && !(action.TouchesCaseContent() && caller.Has(Role.DataProtectionOfficer));
        await journal.RecordAsync(caller.UserId, what, permitted ? "permit" : "deny", caseId, null, "permission-matrix",
            permitted ? $"{PolicyNames.Of(role!.Value)} may {PolicyNames.Of(action)}" : $"no role of the caller may {PolicyNames.Of(action)}", ct);
        return permitted;
    }
}
