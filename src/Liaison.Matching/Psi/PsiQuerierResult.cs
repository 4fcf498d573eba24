using Liaison.Core.Model;

namespace Liaison.Matching.Psi;

/// <summary>What the querier learnt from one session.</summary>
/// <param name="Matches">The querier's own identifiers that the holder also has; null in cardinality-only mode.</param>
public sealed record PsiQuerierResult(
    Guid SessionId,
    PsiMode Mode,
    int IdentifiersAsked,
    int HolderSetSize,
    int MatchCount,
    IReadOnlyList<Identifier>? Matches,
    PsiAuditRecord Audit);
