namespace Liaison.Core.Requests;

/// <summary>
/// The legal capacity of an issuer or validator. Instruments differ in which capacities may issue or
/// validate: Regulation (EU) 2023/1543 art. 4(2) reserves traffic and content data to judges and courts,
/// while art. 4(1) and 4(3) also accept a public prosecutor.
/// </summary>
public enum AuthorityCapacity
{
    /// <summary>Police or another investigating authority: may draft, but not validate.</summary>
    InvestigatingAuthority,
    Prosecutor,
    InvestigatingJudge,
    Judge,
    Court,

    /// <summary>A government body designated by a treaty to review orders (e.g. under the US–UK Agreement art. 5).</summary>
    DesignatedAuthority,
}
