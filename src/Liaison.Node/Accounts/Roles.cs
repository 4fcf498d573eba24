namespace Liaison.Node.Accounts;

/// <summary>The roles of people who use a node (ARCHITECTURE.md, "People who use it").</summary>
public static class Roles
{
    public const string Investigator = "investigator";
    public const string Analyst = "analyst";
    public const string Supervisor = "supervisor";
    public const string Liaison = "liaison";
    public const string Dpo = "dpo";
    public const string Admin = "admin";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Investigator, Analyst, Supervisor, Liaison, Dpo, Admin };

    /// <summary>Roles that work with case content (the DPO and the admin never do).</summary>
    public static readonly string[] CaseWork = [Investigator, Analyst, Supervisor, Liaison];

    public static string[] Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var roles = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(r => r.ToLowerInvariant()).Distinct().ToArray();
        if (roles.Length == 0)
        {
            throw new ArgumentException("a user needs at least one role (" + string.Join(", ", All) + ")");
        }
        foreach (var r in roles)
        {
            if (!All.Contains(r))
            {
                throw new ArgumentException($"unknown role '{r}' (roles: {string.Join(", ", All)})");
            }
        }
        return roles;
    }
}
