using Liaison.Core.Policy;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Liaison.Node.Web.Cases;

/// <summary>What the refusal page says: a title, the status, and for policy denials the rule.</summary>
internal sealed record Refusal(int Status, string Title, string Message, string? Rule = null);

/// <summary>
/// The pages' answers when the policy says no: one "not found" page for a case or record that does not
/// exist and for one the caller may not know about, and a "denied by policy" page naming the rule when
/// the refusal does not depend on what exists (the caller's role, oversight separation).
/// </summary>
internal static class Refusals
{
    private const string View = "/Web/Pages/Shared/Refused.cshtml";

    public static IActionResult NotFoundPage(this PageModel page) =>
        Render(page, new Refusal(StatusCodes.Status404NotFound, "Not found", "There is nothing here, or nothing you may see."));

    public static IActionResult DeniedPage(this PageModel page, PolicyDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return Render(page, new Refusal(StatusCodes.Status403Forbidden, "Denied by policy", decision.Reason, decision.Rule));
    }

    /// <summary>The page for a case that needs a purpose, not found, or denied.</summary>
    public static IActionResult Refuse(this PageModel page, CaseGrant grant, string caseId)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(grant);
        return grant.Outcome switch
        {
            CaseOutcome.NeedsPurpose => page.RedirectToPage("/Cases/Purpose", new { caseId, returnUrl = page.Request.Path + page.Request.QueryString }),
            CaseOutcome.Denied => page.DeniedPage(grant.Decision!),
            _ => page.NotFoundPage(),
        };
    }

    private static ViewResult Render(PageModel page, Refusal refusal)
    {
        ArgumentNullException.ThrowIfNull(page);
        return new ViewResult
        {
            ViewName = View,
            StatusCode = refusal.Status,
            ViewData = new ViewDataDictionary<Refusal>(page.MetadataProvider, page.ModelState) { Model = refusal },
        };
    }
}
