namespace Liaison.Core.Requests.Instruments;

/// <summary>
/// Requests issued from <paramref name="IssuingJurisdiction"/> must not target nationals of
/// <paramref name="ProtectedJurisdiction"/> (when <paramref name="ProtectsNationals"/>) or persons located there
/// (when <paramref name="ProtectsPersonsLocatedThere"/>). The US–UK Agreement art. 4(3) and 4(4) are the model.
/// </summary>
public sealed record ProtectedPersonRule(
    string IssuingJurisdiction,
    string ProtectedJurisdiction,
    bool ProtectsNationals,
    bool ProtectsPersonsLocatedThere,
    string Citation);
