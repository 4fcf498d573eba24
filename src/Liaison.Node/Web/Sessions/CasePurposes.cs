using Microsoft.AspNetCore.Authentication;

namespace Liaison.Node.Web.Sessions;

/// <summary>
/// The purpose a user stated for each case in this browser session. Kept inside the encrypted session
/// ticket, so it ends with the session and cannot be set by anything but the purpose form.
/// </summary>
internal sealed class CasePurposes(IHttpContextAccessor http)
{
    private const string Prefix = "purpose:";

    private HttpContext Context => http.HttpContext ?? throw new InvalidOperationException("no request");

    public async Task<string?> GetAsync(string caseId)
    {
        var result = await Context.AuthenticateAsync(WebSession.Scheme);
        return result.Succeeded && result.Properties.Items.TryGetValue(Prefix + caseId, out var purpose) ? purpose : null;
    }

    public async Task SetAsync(string caseId, string purpose)
    {
        var result = await Context.AuthenticateAsync(WebSession.Scheme);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("a purpose can only be stated in a signed-in browser session");
        }
        result.Properties.Items[Prefix + caseId] = purpose;
        await Context.SignInAsync(WebSession.Scheme, result.Principal, result.Properties);
    }

    public async Task ClearAsync(string caseId)
    {
        var result = await Context.AuthenticateAsync(WebSession.Scheme);
        if (result.Succeeded && result.Properties.Items.Remove(Prefix + caseId))
        {
            await Context.SignInAsync(WebSession.Scheme, result.Principal, result.Properties);
        }
    }
}
