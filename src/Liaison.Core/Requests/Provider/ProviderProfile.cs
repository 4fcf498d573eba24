namespace Liaison.Core.Requests.Provider;

/// <summary>An authority a provider accepts requests from, with the keys that may sign for it.</summary>
/// <param name="AuthorityId">The authority's id, as requests name it.</param>
/// <param name="Jurisdiction">ISO 3166 alpha-2.</param>
/// <param name="KeyIds">Ids of the signing keys registered for it (from its signed node descriptor).</param>
public sealed record RecognisedAuthority(string AuthorityId, string Jurisdiction, IReadOnlySet<string> KeyIds);

/// <summary>
/// A service provider's compliance settings: who it is, under which instruments it answers, and which
/// requesting authorities it recognises. Kept by the provider's node.
/// </summary>
public sealed record ProviderProfile(string ProviderId, string Jurisdiction, IReadOnlySet<LegalInstrument> AcceptedInstruments, IReadOnlyList<RecognisedAuthority> Authorities);

/// <summary>What the provider knows about a target on looking it up: whether it holds data, and the account holder's location or nationality where that matters.</summary>
/// <param name="Target">The request's target (canonical).</param>
/// <param name="DataHeld">The provider holds data for it in the requested period.</param>
/// <param name="Location">ISO 3166 alpha-2 country where the account holder is, if known.</param>
/// <param name="Nationality">ISO 3166 alpha-2 nationality of the account holder, if known.</param>
public sealed record TargetFinding(RequestTarget Target, bool DataHeld, string? Location = null, string? Nationality = null);

/// <summary>One ground for refusing, naming the field it concerns.</summary>
public sealed record RefusalGround(RefusalReason Reason, string Field, string Explanation);

/// <summary>The outcome of screening an incoming request: accept, or refuse with every ground found.</summary>
public sealed record Screening(string RequestId, IReadOnlyList<RefusalGround> Grounds)
{
    public bool IsAcceptable => Grounds.Count == 0;

    /// <summary>The ground to record as the refusal's reason code: the first one found, which is the most basic (addressee, instrument, authority come first).</summary>
    public RefusalReason? PrincipalReason => Grounds.Count == 0 ? null : Grounds[0].Reason;

    /// <summary>The grounds as one text, for the refusal transition and the reply to the requester.</summary>
    public string Explanation => string.Join("; ", Grounds.Select(g => $"{g.Field}: {g.Explanation}"));
}
