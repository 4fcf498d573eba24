using System.Collections.Frozen;

namespace Liaison.Core.Policy;

/// <summary>
/// Named groups of jurisdictions ("EU" = the 27 member states) so that rules can say "from EU to US".
/// A name that is not a group is an ISO 3166 alpha-2 country code and stands for itself.
/// </summary>
public sealed class JurisdictionGroups(IReadOnlyDictionary<string, IReadOnlyCollection<string>> groups)
{
    private readonly FrozenDictionary<string, FrozenSet<string>> groups =
        groups.ToFrozenDictionary(g => g.Key, g => g.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => groups.Keys;

    public bool IsGroup(string name) => groups.ContainsKey(name);

    /// <summary>The countries a list of group names and country codes stands for.</summary>
    public HashSet<string> Expand(IEnumerable<string> names) =>
        names.SelectMany(n => groups.TryGetValue(n, out var members) ? (IEnumerable<string>)members : [n]).ToHashSet(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Members(string group) => groups[group];

    /// <summary>Whether a string is shaped like an ISO 3166 alpha-2 code ("GB", "US").</summary>
    public static bool IsCountryCode(string name) => name is { Length: 2 } && char.IsAsciiLetterUpper(name[0]) && char.IsAsciiLetterUpper(name[1]);
}
