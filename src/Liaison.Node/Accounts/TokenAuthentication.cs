using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Liaison.Node.Accounts;

/// <summary>"Authorization: Bearer lsn_…" API tokens, looked up by their SHA-256.</summary>
internal sealed class TokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, UserAccounts accounts)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Token";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var user = await accounts.FindByTokenAsync(header[7..].Trim(), Context.RequestAborted);
        if (user is null)
        {
            return AuthenticateResult.Fail("invalid or expired token");
        }
        return AuthenticateResult.Success(new AuthenticationTicket(CallerPrincipal.Create(user, SchemeName), SchemeName));
    }
}

/// <summary>The claims a signed-in user carries: name and roles.</summary>
public static class CallerPrincipal
{
    public static ClaimsPrincipal Create(Liaison.Storage.Rows.UserRow user, string scheme)
    {
        ArgumentNullException.ThrowIfNull(user);
        var claims = new List<Claim> { new(ClaimTypes.Name, user.UserName), new("display_name", user.DisplayName) };
        claims.AddRange(Roles.Parse(user.Roles).Select(r => new Claim(ClaimTypes.Role, Liaison.Core.Policy.PolicyNames.Of(r))));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }
}
