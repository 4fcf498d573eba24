namespace Liaison.Core.Policy;

/// <summary>A purpose of processing from the policy file ("criminal-investigation", "prosecution" …).</summary>
public sealed record Purpose(string Id, string Description);
