using Liaison.Core.Policy;
using Liaison.Node.Policy;
using Liaison.Node.Requests;
using Liaison.Node.Web.Cases;
using Liaison.Storage.Requests;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Node.Web.Pages.Requests;

/// <summary>The requests of the cases the user may see, outgoing and incoming; no targets or statements in the list.</summary>
internal sealed class IndexModel(RequestGate gate, RequestService service, PolicyStore policy) : PageModel
{
    public IReadOnlyList<RequestSummary> Requests { get; private set; } = [];
    public bool MayDraft { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await gate.PermissionAsync(PolicyAction.ReadRecord, "requests.list", ct: ct))
        {
            return this.DeniedPage(PolicyDecision.Deny(BuiltInRules.PermissionMatrix, "no role of the caller may read requests"));
        }
        var caller = await gate.CallerAsync(ct);
        // Only an investigator opens drafts (the workflow's rule); the policy must also let them draft.
        MayDraft = caller.Has(Role.Investigator) && policy.Current.Permissions.GrantingRole(caller.Roles, PolicyAction.DraftRequest) is not null;
        var rows = await service.Store.AllAsync(ct);
        var visible = rows.Select(r => r.CaseId).Distinct(StringComparer.Ordinal)
            .Where(c => gate.Engine.Decide(new AccessRequest { Caller = caller, Action = PolicyAction.ReadRecord, CaseId = c, Purpose = RequestsApiDefaults.Purpose }).IsPermitted)
            .ToHashSet(StringComparer.Ordinal);
        Requests = rows.Where(r => visible.Contains(r.CaseId)).OrderByDescending(r => r.UpdatedAt).Select(RequestSummary.Of).ToList();
        return Page();
    }
}
