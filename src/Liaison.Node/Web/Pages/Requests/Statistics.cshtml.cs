using Liaison.Core.Policy;
using Liaison.Core.Requests.Statistics;
using Liaison.Node.Policy;
using Liaison.Node.Requests;
using Liaison.Node.Web.Cases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Node.Web.Pages.Requests;

/// <summary>Transparency statistics for oversight: counts and times only, readable with read-statistics (the DPO) and no case access.</summary>
internal sealed class StatisticsModel(RequestGate gate, RequestService service, RequestRulebook rules) : PageModel
{
    public TransparencyStatistics Statistics { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await CompileAsync(ct) ? Page() : this.DeniedPage(PolicyDecision.Deny(BuiltInRules.PermissionMatrix, "no role of the caller may read-statistics"));

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        await CompileAsync(ct)
            ? File(System.Text.Encoding.UTF8.GetBytes(Statistics.ToCsv()), "text/csv; charset=utf-8", "request-statistics.csv")
            : this.DeniedPage(PolicyDecision.Deny(BuiltInRules.PermissionMatrix, "no role of the caller may read-statistics"));

    private async Task<bool> CompileAsync(CancellationToken ct)
    {
        var stats = await RequestsApi.CompileAsync(null, null, null, gate, service, rules, ct);
        Statistics = stats!;
        return stats is not null;
    }
}
