namespace Liaison.Core.Policy;

/// <summary>
/// Which cases one caller may see, memoised per case id: the fast path for filtering result sets, so
/// that search, counts and correlation never reveal records of cases the caller has no need to know.
/// Not thread-safe: one per request.
/// </summary>
public sealed class CaseVisibility(CompiledPolicy policy, Caller caller, ICaseRegister cases)
{
    private readonly Dictionary<string, bool> seen = new(StringComparer.Ordinal);
    private readonly bool oversight = caller.Has(Role.DataProtectionOfficer);

    public Caller Caller => caller;

    public bool MaySee(string caseId)
    {
        if (oversight)
        {
            return false;
        }
        if (!seen.TryGetValue(caseId, out var visible))
        {
            visible = policy.NeedToKnowGrant(caller, caseId, cases) is not null;
            seen[caseId] = visible;
        }
        return visible;
    }
}
