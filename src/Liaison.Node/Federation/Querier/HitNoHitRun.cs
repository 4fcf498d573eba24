using Liaison.Core.Model;
using Liaison.Matching.Psi;

namespace Liaison.Node.Federation;

/// <summary>
/// One hit/no-hit run the querying node's policy has already permitted: who runs it, for which case
/// and purpose, against which peer, with which identifier kinds of the case, in which mode.
/// </summary>
/// <param name="Actor">The user the run is journalled under.</param>
/// <param name="PermittedBy">The rule of the permit decision, journalled with the run and each hit.</param>
/// <param name="Offence">Optional offence id, passed to the holder's policy.</param>
public sealed record HitNoHitRun(
    string Actor, string CaseId, string Purpose, string Peer, IReadOnlyList<IdentifierKind> Kinds, PsiMode Mode, string PermittedBy, string? Offence = null);
