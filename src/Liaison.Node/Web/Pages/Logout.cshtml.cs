using Liaison.Node.Audit;
using Liaison.Node.Web.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Node.Web.Pages;

/// <summary>Ends the browser session (a POST with the antiforgery token, so no other site can sign a user out).</summary>
internal sealed class LogoutModel(AuditJournal journal) : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var name = User.Identity?.Name;
        await HttpContext.SignOutAsync(WebSession.Scheme);
        if (name is not null)
        {
            await journal.RecordAsync(name, "auth.logout", "permit", ct: ct);
        }
        return Redirect("/login");
    }
}
