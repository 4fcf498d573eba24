namespace Liaison.Node.Federation;

/// <summary>This node cannot take part in hit/no-hit: it has no exchange identity, or its keys could not be loaded.</summary>
public sealed class FederationUnavailableException(string reason) : Exception(reason);
