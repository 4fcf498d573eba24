namespace Liaison.Core.Requests;

/// <summary>The capacity in which a person acts on a request.</summary>
public enum RequestRole
{
    /// <summary>Drafts and revises requests, answers clarifications.</summary>
    Investigator,

    /// <summary>Approves requests drafted by others.</summary>
    Supervisor,

    /// <summary>A judge, court, prosecutor or designated authority that validates a request where the instrument requires it.</summary>
    DesignatedAuthority,

    /// <summary>Sends and routes requests; answers for an addressee that is an agency.</summary>
    LiaisonOfficer,

    /// <summary>A service provider's compliance team: acknowledges and answers requests addressed to the provider.</summary>
    ProviderCompliance,

    /// <summary>The node itself, for time-driven actions (expiry).</summary>
    System,
}
