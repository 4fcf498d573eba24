using Liaison.Node.Accounts;
using Microsoft.AspNetCore.Authorization;

namespace Liaison.Node.Api;

/// <summary>Authorization policies by role. Everything else falls to the fallback policy: authenticated, deny by default.</summary>
internal static class Policies
{
    public const string CaseWork = "case-work";
    public const string OpenCases = "open-cases";
    public const string ManageCaseMembers = "manage-case-members";
    public const string Import = "import";
    public const string NodeStatistics = "node-statistics";
    public const string Admin = "admin";
    public const string Oversight = "oversight";

    public static void Add(AuthorizationOptions options)
    {
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.AddPolicy(CaseWork, p => p.RequireRole(Roles.CaseWork));
        options.AddPolicy(OpenCases, p => p.RequireRole(Roles.Investigator, Roles.Supervisor));
        options.AddPolicy(ManageCaseMembers, p => p.RequireRole(Roles.Investigator, Roles.Supervisor));
        options.AddPolicy(Import, p => p.RequireRole(Roles.Investigator, Roles.Analyst));
        options.AddPolicy(NodeStatistics, p => p.RequireRole(Roles.Supervisor, Roles.Dpo, Roles.Admin, Roles.Analyst));
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(Oversight, p => p.RequireRole(Roles.Dpo, Roles.Admin));
    }
}
