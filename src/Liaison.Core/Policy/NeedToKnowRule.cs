using System.Collections.Frozen;

namespace Liaison.Core.Policy;

/// <summary>How far beyond their own cases a need-to-know rule lets a caller see.</summary>
public enum NeedToKnowScope
{
    /// <summary>The cases owned by the caller's unit (a supervisor and the unit they supervise).</summary>
    Unit,
    /// <summary>Every case of the caller's agency (a liaison desk that answers for the whole agency).</summary>
    Agency,
}

/// <summary>A rule from the policy file that widens need-to-know for some roles.</summary>
public sealed class NeedToKnowRule(string id, IEnumerable<Role> roles, NeedToKnowScope scope, string description)
{
    public string Id { get; } = id;
    public FrozenSet<Role> Roles { get; } = roles.ToFrozenSet();
    public NeedToKnowScope Scope { get; } = scope;
    public string Description { get; } = description;

    public bool Grants(Caller caller, CaseInfo target)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(target);
        if (!caller.Roles.Overlaps(Roles))
        {
            return false;
        }
        return Scope switch
        {
            NeedToKnowScope.Unit => caller.Unit is not null && string.Equals(caller.Agency, target.Agency, StringComparison.Ordinal)
                && string.Equals(caller.Unit, target.Unit, StringComparison.Ordinal),
            NeedToKnowScope.Agency => string.Equals(caller.Agency, target.Agency, StringComparison.Ordinal),
            _ => false,
        };
    }
}
