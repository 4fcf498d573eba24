namespace Liaison.Node.Federation;

/// <summary>Why a hit/no-hit run against a peer could not complete.</summary>
public enum HitNoHitFailure
{
    /// <summary>The peer named is not in this node's peer directory.</summary>
    UnknownPeer,
    /// <summary>The case has no identifiers of the kinds asked: nothing was sent.</summary>
    NothingToMatch,
    /// <summary>The peer answered with a refusal (its policy, its budget, an envelope check).</summary>
    PeerRefused,
    /// <summary>The peer could not be reached, or answered with a server error.</summary>
    PeerUnreachable,
    /// <summary>The peer's answer failed a check: envelope, sender, message type or PSI protocol.</summary>
    InvalidAnswer,
}

/// <summary>
/// A hit/no-hit run failed. Messages carry ids, kinds, statuses and rule names — never an identifier.
/// For <see cref="HitNoHitFailure.PeerRefused"/> the peer's problem is passed on: its HTTP status, its
/// problem type, and the rule or envelope rejection it named.
/// </summary>
public sealed class HitNoHitException(HitNoHitFailure failure, string peer, string message) : Exception(message)
{
    public HitNoHitFailure Failure { get; } = failure;
    public string Peer { get; } = peer;
    public int? PeerStatus { get; init; }
    public string? PeerProblemType { get; init; }

    /// <summary>The peer's policy rule or envelope rejection, when its problem named one.</summary>
    public string? PeerRule { get; init; }

    /// <summary>When the peer said to try again (budget refusals).</summary>
    public TimeSpan? RetryAfter { get; init; }
}
