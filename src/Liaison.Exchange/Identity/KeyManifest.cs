namespace Liaison.Exchange.Identity;

/// <summary>
/// <c>keys/identity.json</c>: the node profile and the list of its keys with their state. Public
/// information only; each private key is in its own encrypted file named in <see cref="KeyEntry.File"/>.
/// </summary>
internal sealed record KeyManifest
{
    public int Version { get; init; } = 1;
    public required string NodeId { get; init; }
    public required string Agency { get; init; }
    public required string Jurisdiction { get; init; }
    public required Uri Endpoint { get; init; }
    public required List<KeyEntry> Keys { get; init; }
    public List<RevokedKey> Revoked { get; init; } = [];
}

internal sealed record KeyEntry(
    string Kid, KeyUse Use, KeyStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? VerifiesUntil, string File);
