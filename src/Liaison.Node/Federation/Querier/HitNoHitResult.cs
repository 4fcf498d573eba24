namespace Liaison.Node.Federation;

/// <summary>
/// What the querier learnt: which of its own identifiers the peer also holds, mapped back to its own
/// record ids (nothing of the peer's records), or in cardinality mode only how many.
/// </summary>
/// <param name="Mode">"intersection" or "cardinality".</param>
/// <param name="Asked">Distinct identifiers asked.</param>
/// <param name="PeerSetSize">How many identifiers of those kinds the peer matched against (the protocol discloses it).</param>
/// <param name="Hits">The identifiers that hit, with this node's records that carry them; empty in cardinality mode.</param>
/// <param name="Handling">Handling codes the peer's answer carries (e.g. "H0,H1": law-enforcement use only, not for court without permission).</param>
public sealed record HitNoHitResult(
    string Peer, string Mode, int Asked, int MatchCount, int PeerSetSize, IReadOnlyList<Hit> Hits, Guid SessionId, string Handling, string Tlp);

/// <summary>One of the querier's identifiers that the peer also holds.</summary>
public sealed record Hit(string Kind, string Value, IReadOnlyList<string> RecordIds);
