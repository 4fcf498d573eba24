namespace Liaison.Core.Policy;

/// <summary>
/// An offence category from the policy file. <see cref="Serious"/> marks the ones that instruments for
/// serious crime (the CLOUD Act agreement's "serious crime", Europol's mandate) accept.
/// </summary>
public sealed record Offence(string Id, bool Serious, string Description);
