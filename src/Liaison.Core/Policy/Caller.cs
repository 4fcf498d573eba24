using System.Collections.Frozen;

namespace Liaison.Core.Policy;

/// <summary>
/// The authenticated person behind a request, as the node knows them: their roles, the cases they are
/// members of, their agency, their node and its jurisdiction, and the unit they belong to (for rules
/// such as "a supervisor sees the cases of their unit").
/// </summary>
public sealed record Caller
{
    public Caller(string userId, IEnumerable<Role> roles, IEnumerable<string> cases, string agency, string node, string jurisdiction, string? unit = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(cases);
        ArgumentException.ThrowIfNullOrWhiteSpace(agency);
        ArgumentException.ThrowIfNullOrWhiteSpace(node);
        ArgumentException.ThrowIfNullOrWhiteSpace(jurisdiction);
        UserId = userId;
        Roles = roles.ToFrozenSet();
        Cases = cases.ToFrozenSet(StringComparer.Ordinal);
        Agency = agency;
        Node = node;
        Jurisdiction = jurisdiction.ToUpperInvariant();
        Unit = string.IsNullOrWhiteSpace(unit) ? null : unit;
    }

    public string UserId { get; }
    public FrozenSet<Role> Roles { get; }

    /// <summary>The cases this person is a member of (need-to-know starts here).</summary>
    public FrozenSet<string> Cases { get; }

    public string Agency { get; }
    public string Node { get; }

    /// <summary>ISO 3166 alpha-2 code of the node's jurisdiction ("GB", "US", "DE").</summary>
    public string Jurisdiction { get; }

    public string? Unit { get; }

    public bool Has(Role role) => Roles.Contains(role);

    public bool IsMemberOf(string caseId) => Cases.Contains(caseId);
}
