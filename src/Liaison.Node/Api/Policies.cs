using Microsoft.AspNetCore.Authorization;

namespace Liaison.Node.Api;

/// <summary>
/// ASP.NET authorization only establishes who the caller is: every endpoint except health requires a
/// signed-in user (deny by default); what they may do is decided per request by the policy engine.
/// </summary>
internal static class Policies
{
    public static void Add(AuthorizationOptions options) =>
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
}
