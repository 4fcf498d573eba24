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
