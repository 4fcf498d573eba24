namespace Liaison.Core.Policy;

/// <summary>
/// A law, agreement or decision a transfer can rest on (the EU–US Umbrella Agreement, an adequacy
/// decision, the US–UK CLOUD Act agreement …). Rules name one; a transfer without one is refused.
/// </summary>
/// <param name="InForce">False for an instrument signed but not yet applicable (the Budapest Second Protocol): rules under it never match.</param>
public sealed record LegalInstrument(string Id, string Name, string? Reference, bool SeriousCrimeOnly, bool InForce = true);
