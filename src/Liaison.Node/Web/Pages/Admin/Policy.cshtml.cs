using Liaison.Core.Policy;
using Liaison.Node.Policy;
using Liaison.Node.Web.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Node.Web.Pages.Admin;

/// <summary>The policy in force: version and digest, purposes, who may do what, need-to-know and sharing rules.</summary>
internal sealed class PolicyModel(RequestGate gate, PolicyStore store) : PageModel
{
    public CompiledPolicy Current { get; private set; } = null!;
    public IReadOnlyList<Liaison.Core.Policy.Loading.PolicyError> LastErrors => store.LastErrors;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var decision = await gate.DecideAsync(PolicyAction.ManagePolicy, subject: "policy view", ct: ct);
        if (!decision.IsPermitted)
        {
            return this.DeniedPage(decision);
        }
        Current = store.Current;
        return Page();
    }
}
