using System.Collections.Frozen;
using Liaison.Core.Model;

namespace Liaison.Core.Policy;

/// <summary>
/// The names roles, actions and subject categories have in policy files, decisions and the CLI
/// ("liaison-officer", "read-record", "victim"): lower-case and hyphenated, stable across releases.
/// </summary>
public static class PolicyNames
{
    private static readonly FrozenDictionary<Role, string> RoleNames = new Dictionary<Role, string>
    {
        [Role.Investigator] = "investigator",
        [Role.Analyst] = "analyst",
        [Role.Supervisor] = "supervisor",
        [Role.LiaisonOfficer] = "liaison-officer",
        [Role.DataProtectionOfficer] = "dpo",
        [Role.Admin] = "admin",
        [Role.DesignatedAuthority] = "designated-authority",
        [Role.ProviderCompliance] = "provider-compliance",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, Role> RolesByName =
        RoleNames.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    private static readonly FrozenDictionary<PolicyAction, string> ActionNames =
        Enum.GetValues<PolicyAction>().ToFrozenDictionary(a => a, a => Kebab(a.ToString()));

    private static readonly FrozenDictionary<string, PolicyAction> ActionsByName =
        ActionNames.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, SubjectCategories> SubjectsByName =
        Enum.GetValues<SubjectCategories>().Where(s => s != SubjectCategories.None)
            .ToFrozenDictionary(s => s.ToString().ToLowerInvariant(), s => s, StringComparer.Ordinal);

    public static IReadOnlyCollection<string> AllRoles => RolesByName.Keys;
    public static IReadOnlyCollection<string> AllActions => ActionsByName.Keys;
    public static IReadOnlyCollection<string> AllSubjects => SubjectsByName.Keys;

    public static string Of(Role role) => RoleNames[role];

    public static string Of(PolicyAction action) => ActionNames[action];

    public static bool TryParseRole(string? name, out Role role) => RolesByName.TryGetValue(name ?? "", out role);

    public static bool TryParseAction(string? name, out PolicyAction action) => ActionsByName.TryGetValue(name ?? "", out action);

    /// <summary>One subject category by its singular name: "victim", "minor", "witness", "informant", "suspect".</summary>
    public static bool TryParseSubject(string? name, out SubjectCategories subject) => SubjectsByName.TryGetValue(name ?? "", out subject);

    private static string Kebab(string pascal) =>
        string.Concat(pascal.Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
