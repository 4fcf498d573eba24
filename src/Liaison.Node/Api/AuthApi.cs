using Liaison.Node.Accounts;
using Liaison.Node.Audit;

namespace Liaison.Node.Api;

/// <summary>Exchanging a password for an API token (with lockout), for scripts and the CLI.</summary>
internal static class AuthApi
{
    public sealed record TokenRequest(string UserName, string Password, string? Name);
    public sealed record TokenResponse(string Token, string UserName, string[] Roles);

    public static RouteGroupBuilder MapAuthApi(this RouteGroupBuilder group)
    {
        group.MapPost("/token", async (TokenRequest request, UserAccounts accounts, AuditJournal audit, CancellationToken ct) =>
        {
            var user = await accounts.VerifyPasswordAsync(request.UserName, request.Password, ct);
            if (user is null)
            {
                await audit.RecordAsync(request.UserName, "auth.token", "deny", rule: "bad-credentials", ct: ct);
                return Results.Problem(type: Problems.Base + "bad-credentials", title: "Unknown user or wrong password", statusCode: StatusCodes.Status401Unauthorized);
            }
            var token = await accounts.IssueTokenAsync(user.UserName, request.Name ?? "api", TimeSpan.FromHours(12), ct);
            await audit.RecordAsync(user.UserName, "auth.token", "permit", ct: ct);
            return Results.Ok(new TokenResponse(token, user.UserName, Roles.Parse(user.Roles).Select(Liaison.Core.Policy.PolicyNames.Of).ToArray()));
        }).AllowAnonymous().WithSummary("Exchange a user name and password for a 12-hour API token");
        return group;
    }
}
