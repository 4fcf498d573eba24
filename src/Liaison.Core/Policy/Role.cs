namespace Liaison.Core.Policy;

/// <summary>
/// What a person does at a node. A user may hold several roles; what they may do is the union of
/// the roles' permissions, except that the data protection officer's role never reaches case content.
/// </summary>
public enum Role
{
    /// <summary>Works cases: imports, searches, runs hit/no-hit, drafts requests.</summary>
    Investigator,
    /// <summary>Analyses a case's data: searches, graph, hit/no-hit.</summary>
    Analyst,
    /// <summary>Approves outgoing requests and releases of data; may see the cases of the unit they supervise.</summary>
    Supervisor,
    /// <summary>Central authority desk: routes requests across borders and answers incoming ones.</summary>
    LiaisonOfficer,
    /// <summary>Data protection officer or oversight body: ledger and statistics, never case content.</summary>
    DataProtectionOfficer,
    /// <summary>Node operator: users, peers, policy. No case content.</summary>
    Admin,

    /// <summary>A judge, prosecutor or treaty-designated authority who validates outgoing data-access requests where the instrument requires it.</summary>
    DesignatedAuthority,

    /// <summary>A service provider's compliance team, answering the data-access requests addressed to the provider.</summary>
    ProviderCompliance,
}
