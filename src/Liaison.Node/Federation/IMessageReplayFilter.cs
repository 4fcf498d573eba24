using Liaison.Exchange.Envelopes;

namespace Liaison.Node.Federation;

/// <summary>
/// The replay filter of hit/no-hit and linkage messages: the opener asks <see cref="IReplayCache.HasSeenAsync"/>,
/// and the endpoint remembers the id of each message it accepts before acting on it.
/// </summary>
public interface IMessageReplayFilter : IReplayCache
{
    /// <summary>Remembers an accepted message until its expiry plus the clock skew; false if it was already remembered (a replay).</summary>
    Task<bool> TryRememberAsync(EnvelopeHeader header, CancellationToken ct = default);
}
