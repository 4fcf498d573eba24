using Liaison.Node.Accounts;
using Liaison.Node.Audit;
using Liaison.Node.Web.Sessions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Liaison.Node.Web.Pages;

/// <summary>
/// Password sign-in with the accounts' lockout (5 failures in 15 minutes lock for 15). The message does
/// not say whether the user name exists; every attempt is journalled.
/// </summary>
internal sealed class LoginModel(UserAccounts accounts, AuditJournal journal) : PageModel
{
    [BindProperty]
    public string UserName { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Error { get; private set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var name = UserName.Trim().ToLowerInvariant();
        Liaison.Storage.Rows.UserRow? user;
        try
        {
            user = await accounts.VerifyPasswordAsync(name, Password, ct);
        }
        catch (AccountLockedException e)
        {
            await journal.RecordAsync(Clip(name), "auth.login", "deny", rule: "account-locked", ct: ct);
            Error = $"This account is locked after repeated failed sign-ins until {e.Until:HH:mm} UTC.";
            return Page();
        }
        if (user is null)
        {
            await journal.RecordAsync(Clip(name), "auth.login", "deny", rule: "bad-credentials", ct: ct);
            Error = "Unknown user name or wrong password.";
            return Page();
        }
        await HttpContext.SignInAsync(WebSession.Scheme, CallerPrincipal.Create(user, WebSession.Scheme), new AuthenticationProperties { IsPersistent = false });
        await journal.RecordAsync(user.UserName, "auth.login", "permit", ct: ct);
        return LocalRedirect(SafeReturnUrl);
    }

    private string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    /// <summary>Whatever was typed as a user name goes into the journal; bound it.</summary>
    private static string Clip(string name) => name.Length <= 64 ? name : name[..64];
}
