namespace Liaison.Exchange.Identity;

/// <summary>A key id the node has declared compromised or withdrawn; peers refuse it from the moment they learn of it.</summary>
public sealed record RevokedKey(string Kid, DateTimeOffset RevokedAt);
