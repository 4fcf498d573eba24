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
