using System.Collections.Concurrent;
using System.Collections.Frozen;
using Liaison.Core.Model;

namespace Liaison.Core.Policy;

/// <summary>
/// A validated policy file, ready to decide. Immutable, so a <see cref="PolicyStore"/> can swap it
/// for a new one while requests are being decided under the old.
/// </summary>
public sealed partial class CompiledPolicy
{
    private readonly ConcurrentDictionary<(string From, string To), SharingRule[]> rulesByRoute = new();

    internal CompiledPolicy(string version, string digest)
    {
        Version = version;
        Digest = digest;
    }

    /// <summary>The file's own version label ("2025-06 default").</summary>
    public string Version { get; }

    /// <summary>Hex SHA-256 of the policy text: which exact policy decided, for auditors.</summary>
    public string Digest { get; }

    /// <summary>"version (digest prefix)", as journalled in each decision.</summary>
    public string Label => $"{Version} ({Digest[..12]})";

    public required FrozenDictionary<string, Purpose> Purposes { get; init; }
    public required FrozenDictionary<string, Offence> Offences { get; init; }
    public required IReadOnlyList<DataCategory> DataCategories { get; init; }
    public required FrozenDictionary<string, LegalInstrument> Instruments { get; init; }
    public required JurisdictionGroups Jurisdictions { get; init; }
    public required PermissionMatrix Permissions { get; init; }
    public required IReadOnlyList<NeedToKnowRule> NeedToKnow { get; init; }
    public required IReadOnlyList<SharingRule> Rules { get; init; }

    /// <summary>Properties that carry or point at attached files, removed by <see cref="StripAttachments"/>.</summary>
    public required IReadOnlyList<string> AttachmentProperties { get; init; }

    /// <summary>Review dates per data-subject category and the purge's grace period (docs/policy.md, "Retention").</summary>
    public Retention.RetentionSchedule Retention { get; init; } = Policy.Retention.RetentionSchedule.Default;

    /// <summary>The data categories a record falls in under this policy.</summary>
    public IReadOnlySet<string> CategoriesOf(EntityRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var category in DataCategories)
        {
            if (category.Covers(record))
            {
                found.Add(category.Id);
            }
        }
        return found;
    }

    /// <summary>
    /// Why the caller may see a case: "case-membership", a need-to-know rule id, or null when they may
    /// not. The node filters search results, counts and graph neighbours with this.
    /// </summary>
    public string? NeedToKnowGrant(Caller caller, string caseId, ICaseRegister cases)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(cases);
        if (caller.IsMemberOf(caseId))
        {
            return BuiltInRules.CaseMembership;
        }
        if (NeedToKnow.Count == 0 || cases.Find(caseId) is not { } target)
        {
            return null;
        }
        foreach (var rule in NeedToKnow)
        {
            if (rule.Grants(caller, target))
            {
                return rule.Id;
            }
        }
        return null;
    }

    /// <summary>
    /// Every case id the caller may see: their memberships plus what need-to-know rules grant. For
    /// pushing the filter into a query (<c>WHERE case_id = ANY(@visible)</c>) instead of filtering rows.
    /// </summary>
    public IReadOnlySet<string> VisibleCases(Caller caller, ICaseRegister cases)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(cases);
        var visible = new HashSet<string>(StringComparer.Ordinal);
        if (caller.Has(Role.DataProtectionOfficer))
        {
            return visible;
        }
        visible.UnionWith(caller.Cases);
        if (NeedToKnow.Any(rule => caller.Roles.Overlaps(rule.Roles)))
        {
            foreach (var target in cases.CasesOfAgency(caller.Agency))
            {
                if (NeedToKnow.Any(rule => rule.Grants(caller, target)))
                {
                    visible.Add(target.CaseId);
                }
            }
        }
        return visible;
    }

    /// <summary>The rules whose from and to cover this route, in file order; cached per route.</summary>
    internal SharingRule[] RulesFor(string from, string to) =>
        rulesByRoute.GetOrAdd((from, to), route => Rules.Where(r => r.From.Contains(route.From) && r.To.Contains(route.To)).ToArray());
}
