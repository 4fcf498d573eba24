using Liaison.Node.Accounts;
using Liaison.Storage;
using Liaison.Storage.Nodes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Web.Sessions;

/// <summary>
/// The browser session: an encrypted, HTTP-only, same-site-strict cookie that lives as long as the
/// browser and at most an idle hour. The API keeps its bearer tokens; the cookie is accepted only by the
/// UI's pages and GET endpoints, so no API call can be forged from another site with it.
/// </summary>
internal static class WebSession
{
    public const string Scheme = "LiaisonWeb";
    /// <summary>Authorisation policy of the pages: signed in through the cookie.</summary>
    public const string Policy = "web-ui";
    /// <summary>Policy of the UI's JSON endpoints: cookie (the browser) or API token (scripts).</summary>
    public const string DataPolicy = "web-ui-data";
    public const string CookieName = "liaison.session";
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromHours(1);

    public static void Configure(CookieAuthenticationOptions o)
    {
        o.Cookie.Name = CookieName;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.Cookie.IsEssential = true;
        o.ExpireTimeSpan = IdleTimeout;
        o.SlidingExpiration = true;
        o.LoginPath = "/login";
        o.LogoutPath = "/logout";
        o.AccessDeniedPath = "/login";
        o.ReturnUrlParameter = "returnUrl";
        o.Events = new CookieAuthenticationEvents
        {
            OnValidatePrincipal = RefreshAsync,
            OnRedirectToLogin = context =>
            {
                // Scripts fetching JSON want a status, not a login page.
                if (context.Request.Path.StartsWithSegments("/web", StringComparison.Ordinal))
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                }
                context.Response.Redirect(context.RedirectUri);
                return Task.CompletedTask;
            },
        };
    }

    /// <summary>
    /// Re-reads the user on every request: a removed user is signed out at once, and changed roles take
    /// effect on the next page instead of when the cookie expires.
    /// </summary>
    private static async Task RefreshAsync(CookieValidatePrincipalContext context)
    {
        var name = context.Principal?.Identity?.Name;
        var db = context.HttpContext.RequestServices.GetRequiredService<LiaisonDb>();
        var user = name is null ? null : await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == name, context.HttpContext.RequestAborted);
        if (user is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(Scheme);
            return;
        }
        var roles = context.Principal!.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).Order(StringComparer.Ordinal);
        var current = Roles.Parse(user.Roles).Select(Liaison.Core.Policy.PolicyNames.Of).Order(StringComparer.Ordinal);
        if (!roles.SequenceEqual(current, StringComparer.Ordinal))
        {
            context.ReplacePrincipal(CallerPrincipal.Create(user, Scheme));
            context.ShouldRenew = true;
        }
    }

    /// <summary>
    /// Cookie and antiforgery keys live in the node's <c>keys/web</c> folder (owner-only), so sessions
    /// survive a restart and several replicas sharing the folder accept each other's cookies.
    /// </summary>
    public static void AddKeyRing(IServiceCollection services, NodeConfig node)
    {
        var builder = services.AddDataProtection().SetApplicationName("Liaison");
        if (string.IsNullOrEmpty(node.Directory))
        {
            return;
        }
        var folder = new DirectoryInfo(Path.Combine(node.Directory, "keys", "web"));
        folder.Create();
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder.FullName, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        builder.PersistKeysToFileSystem(folder);
        // The key files are protected by the folder's permissions like the node's other keys; without
        // this the framework warns about unencrypted keys on every start.
        services.AddLogging(l => l.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error));
    }
}
