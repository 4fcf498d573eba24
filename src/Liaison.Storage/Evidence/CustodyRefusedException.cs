namespace Liaison.Storage.Evidence;

/// <summary>
/// A custody step that would break the chain (examining an item that was handed over, receiving one
/// already held, a transfer naming no counterparty), or one on an item the case does not hold. Nothing
/// was journalled. Messages carry the case id and the item's digest, never content.
/// </summary>
public sealed class CustodyRefusedException(string caseId, string digest, string reason)
    : Exception($"evidence {digest} in case {caseId}: {reason}")
{
    public string CaseId { get; } = caseId;
    public string Digest { get; } = digest;
    public string Reason { get; } = reason;

    /// <summary>True when the case holds no such item (404 rather than 409 at the HTTP edge).</summary>
    public bool IsUnknownItem { get; init; }
}
