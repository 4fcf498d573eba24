namespace Liaison.Core.Requests;

/// <summary>The agency making the request and the node it works from.</summary>
/// <param name="AuthorityId">Stable id of the agency (as in the peer directory).</param>
/// <param name="Jurisdiction">ISO 3166 alpha-2 country of the agency.</param>
/// <param name="NodeId">The Liaison node that sends and receives for this request.</param>
public sealed record RequestingAuthority(string AuthorityId, string Jurisdiction, string NodeId);

/// <summary>Whether the addressee is a foreign agency (central authority, police) or a service provider.</summary>
public enum AddresseeKind
{
    Agency,
    ServiceProvider,
}

/// <summary>Who the request is sent to.</summary>
/// <param name="Kind">Agency or service provider.</param>
/// <param name="Id">Stable id of the addressee (as in the peer directory).</param>
/// <param name="Jurisdiction">ISO 3166 alpha-2 country where the addressee (or its designated establishment or legal representative) is.</param>
public sealed record Addressee(AddresseeKind Kind, string Id, string Jurisdiction);

/// <summary>The authority in whose name the order is issued, as it appears on the certificate.</summary>
/// <param name="Name">Name of the issuing authority or office (not a person's private details).</param>
/// <param name="Capacity">Its legal capacity.</param>
public sealed record Issuer(string Name, AuthorityCapacity Capacity);

/// <summary>A person acting on a request: who, for which organisation, in which role and legal capacity.</summary>
/// <param name="Id">Stable user id (never a name: ids go to the ledger).</param>
/// <param name="Organisation">The agency, authority or provider the person acts for.</param>
/// <param name="Role">The role in which the person acts.</param>
/// <param name="Capacity">For a designated authority: its legal capacity (judge, court, prosecutor …).</param>
public sealed record RequestActor(string Id, string Organisation, RequestRole Role, AuthorityCapacity? Capacity = null);

/// <summary>An approval recorded on a request.</summary>
public sealed record Approval(string ApproverId, RequestRole Role, AuthorityCapacity? Capacity, DateTimeOffset At, string? Note);
