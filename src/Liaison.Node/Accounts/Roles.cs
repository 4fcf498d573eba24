using Liaison.Core.Policy;

namespace Liaison.Node.Accounts;

/// <summary>User roles as the policy names them (investigator, analyst, supervisor, liaison-officer, dpo, admin).</summary>
public static class Roles
{
    public static IReadOnlyCollection<string> All => PolicyNames.AllRoles;

    /// <summary>Parses a comma-separated role list; unknown names are an error naming the known ones.</summary>
    public static Role[] Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var names = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(r => r.ToLowerInvariant()).Distinct().ToArray();
        if (names.Length == 0)
        {
            throw new ArgumentException("a user needs at least one role (" + string.Join(", ", All) + ")");
        }
        return names.Select(n => PolicyNames.TryParseRole(n, out var role)
            ? role
            : throw new ArgumentException($"unknown role '{n}' (roles: {string.Join(", ", All)})")).ToArray();
    }

    public static string Format(IEnumerable<Role> roles) => string.Join(',', roles.Select(PolicyNames.Of));
}
