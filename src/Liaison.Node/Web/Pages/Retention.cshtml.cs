using System.Globalization;
using Liaison.Core.Policy;
using Liaison.Node.Policy;
using Liaison.Node.Retention;
using Liaison.Node.Web.Cases;
using Liaison.Node.Web.Markings;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Node.Web.Pages;

/// <summary>
/// The review list: records past their review date, hidden from every other screen. The DPO sees all
/// of them, a supervisor those of the cases they see; both may extend a review with a reason, and the
/// DPO may purge now what is overdue beyond the grace period. Envelopes only — never names or values.
/// </summary>
internal sealed class RetentionModel(RetentionDesk desk, RequestGate gate, PolicyStore store) : PageModel
{
    public const int Limit = 500;

    public RetentionReview Review { get; private set; } = null!;
    public bool MayPurge { get; private set; }
    public string GracePeriod => store.Current.Retention.GracePeriod.ToString();

    [BindProperty(SupportsGet = true)]
    public string? Extended { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Purged { get; set; }

    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostExtendAsync(string recordId, string? until, string? reason, CancellationToken ct)
    {
        if (!DateOnly.TryParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Error = $"record '{recordId}': until: must be a date (YYYY-MM-DD)";
            return await ShowAsync(ct);
        }
        var refusal = await desk.ExtendAsync(recordId, date, reason, ct);
        switch (refusal?.Kind)
        {
            case null:
                return RedirectToPage(new { extended = recordId });
            case RetentionRefusalKind.Denied:
                return this.DeniedPage(refusal.Decision!);
            case RetentionRefusalKind.NotFound:
                return this.NotFoundPage();
            default:
                Error = refusal.Detail;
                return await ShowAsync(ct);
        }
    }

    public async Task<IActionResult> OnPostPurgeAsync(CancellationToken ct)
    {
        var (decision, result) = await desk.PurgeNowAsync(ct);
        return result is null ? this.DeniedPage(decision) : RedirectToPage(new { purged = result.RecordsPurged });
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Review = await desk.ReviewAsync(Limit, ct);
        if (!Review.Decision.IsPermitted)
        {
            return this.DeniedPage(Review.Decision);
        }
        var caller = await gate.CallerAsync(ct);
        MayPurge = store.Current.Permissions.GrantingRole(caller.Roles, PolicyAction.PurgeRecords) is not null;
        ViewData["Marking"] = PageMarking.Of(Review.Records.Select(r => ((int)r.Tlp, (int)r.Handling)));
        return Page();
    }
}
