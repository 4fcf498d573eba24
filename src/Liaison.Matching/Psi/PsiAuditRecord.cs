namespace Liaison.Matching.Psi;

/// <summary>Which side of a PSI session a node played.</summary>
public enum PsiRole
{
    Querier,
    Holder,
}

/// <summary>
/// What a node journals about one PSI session (both sides write one). Counts only, never identifiers:
/// the ledger proves who asked how much of whom, and when.
/// </summary>
/// <param name="MatchCount">Known to the querier only; null on the holder's record.</param>
public sealed record PsiAuditRecord(
    Guid SessionId,
    PsiRole Role,
    string PeerId,
    PsiMode Mode,
    int IdentifiersAsked,
    int HolderSetSize,
    int? MatchCount,
    DateTimeOffset At);
