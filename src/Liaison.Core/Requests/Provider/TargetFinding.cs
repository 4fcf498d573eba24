namespace Liaison.Core.Requests.Provider;

/// <summary>What the provider knows about a target on looking it up: whether it holds data, and the account holder's location or nationality where that matters.</summary>
/// <param name="Target">The request's target (canonical).</param>
/// <param name="DataHeld">The provider holds data for it in the requested period.</param>
/// <param name="Location">ISO 3166 alpha-2 country where the account holder is, if known.</param>
/// <param name="Nationality">ISO 3166 alpha-2 nationality of the account holder, if known.</param>
public sealed record TargetFinding(RequestTarget Target, bool DataHeld, string? Location = null, string? Nationality = null);
