using Liaison.Core.Policy;
using Liaison.Storage.Rows;

namespace Liaison.Node.Web.Cases;

/// <summary>What a page may do with a case after the policy engine decided.</summary>
internal enum CaseOutcome
{
    /// <summary>Show the case content under <see cref="CaseGrant.Purpose"/>.</summary>
    Permitted,
    /// <summary>The caller may see the case but has not stated a purpose in this session.</summary>
    NeedsPurpose,
    /// <summary>No such case, or no need to know: the two must look the same.</summary>
    NotFound,
    /// <summary>Refused by a rule that does not depend on the case (role, oversight): say which.</summary>
    Denied,
}

/// <summary>The outcome of <see cref="CaseAccess.OpenAsync"/>.</summary>
internal sealed record CaseGrant(CaseOutcome Outcome, CaseRow? Case = null, string? Purpose = null, PolicyDecision? Decision = null)
{
    public bool IsPermitted => Outcome == CaseOutcome.Permitted;
    public CaseRow Row => Case ?? throw new InvalidOperationException("the case was not granted");
}
