namespace Liaison.Ledger.Appending;

/// <summary>The size of the log and the root hash at that size.</summary>
public sealed record TreeHead(long Size, byte[] RootHash);
