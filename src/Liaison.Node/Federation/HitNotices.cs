using Liaison.Core.Model;
using Liaison.Matching.Psi;
using Liaison.Storage.Federation;

namespace Liaison.Node.Federation;

/// <summary>The <c>hit_notices</c> rows a run leaves at either end: counts, kinds, peer, session — never an identifier.</summary>
internal static class HitNotices
{
    public static HitNoticeRow Querier(HitNoHitRun run, string peer, PsiQuerierResult result, string handling, string tlp) => new()
    {
        Role = "querier",
        CaseId = run.CaseId,
        PeerId = peer,
        SessionId = result.SessionId,
        Mode = ModeName(run.Mode),
        Kinds = string.Join(',', run.Kinds.Select(MatchKinds.NameOf)),
        Purpose = run.Purpose,
        Actor = run.Actor,
        Asked = result.IdentifiersAsked,
        MatchCount = result.MatchCount,
        PeerSetSize = result.HolderSetSize,
        Handling = handling,
        Tlp = tlp,
        RunAt = result.Audit.At,
    };

    public static HitNoticeRow Holder(string? incomingCase, string peer, string purpose, IReadOnlyList<IdentifierKind> kinds, PsiAuditRecord audit,
        string handling, string tlp) => new()
    {
        Role = "holder",
        CaseId = incomingCase ?? peer + ":",
        PeerId = peer,
        SessionId = audit.SessionId,
        Mode = ModeName(audit.Mode),
        Kinds = string.Join(',', kinds.Select(MatchKinds.NameOf)),
        Purpose = purpose,
        Actor = "peer:" + peer,
        Asked = audit.IdentifiersAsked,
        MatchCount = null,
        PeerSetSize = audit.HolderSetSize,
        Handling = handling,
        Tlp = tlp,
        RunAt = audit.At,
    };

    public static string ModeName(PsiMode mode) => mode == PsiMode.Intersection ? "intersection" : "cardinality";
}
