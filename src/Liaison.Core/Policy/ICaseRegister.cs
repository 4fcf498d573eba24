namespace Liaison.Core.Policy;

/// <summary>
/// What the policy needs to know about cases it does not find in the caller's memberships: which unit
/// and agency own a case. Storage implements it; the policy never queries anything else.
/// </summary>
public interface ICaseRegister
{
    /// <summary>The case, or null when this node has no such case.</summary>
    CaseInfo? Find(string caseId);

    /// <summary>Every case of an agency, for computing the whole set a caller may see (to filter in SQL).</summary>
    IEnumerable<CaseInfo> CasesOfAgency(string agency);
}

/// <summary>The owner of a case, as need-to-know rules see it.</summary>
public sealed record CaseInfo(string CaseId, string Agency, string? Unit);
