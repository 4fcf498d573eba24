using Liaison.Exchange.Envelopes;

namespace Liaison.Node.Federation;

/// <summary>
/// The message ids accepted for hit/no-hit, kept in memory until the message's expiry plus the clock
/// skew (after which the expiry check refuses a replay anyway). Used where a <see cref="NodeFederation"/>
/// is opened without the server — the command line's <c>liaison match</c>, tests and benchmarks; the
/// server uses <see cref="DurableReplayCache"/>, which survives a restart and is shared by replicas.
/// A bound on the number of ids keeps a flood of short-lived messages from growing it without limit.
/// </summary>
public sealed class InMemoryReplayCache(TimeProvider clock, TimeSpan clockSkew, int capacity = InMemoryReplayCache.DefaultCapacity) : IMessageReplayFilter
{
    public const int DefaultCapacity = 100_000;

    private readonly Dictionary<(string Sender, string MessageId), DateTimeOffset> _seen = [];
    private readonly Lock _lock = new();
    private int _sincePurge;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _seen.Count;
            }
        }
    }

    public Task<bool> HasSeenAsync(string sender, string messageId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_seen.TryGetValue((sender, messageId), out var forgetAt) && forgetAt > clock.GetUtcNow());
        }
    }

    /// <summary>
    /// Remembers an accepted message; false if it was already remembered (a replay that raced the
    /// opener's check). Throws <see cref="InvalidOperationException"/> when full of unexpired ids.
    /// </summary>
    public bool TryRemember(EnvelopeHeader header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var now = clock.GetUtcNow();
        lock (_lock)
        {
            if (_seen.Count >= capacity || ++_sincePurge >= 1024)
            {
                Purge(now);
                if (_seen.Count >= capacity)
                {
                    throw new InvalidOperationException("the replay cache is full of unexpired message ids; try again later");
                }
            }
            var key = (header.Sender, header.MessageId);
            if (_seen.TryGetValue(key, out var forgetAt) && forgetAt > now)
            {
                return false;
            }
            _seen[key] = header.Expires + clockSkew;
            return true;
        }
    }

    public Task<bool> TryRememberAsync(EnvelopeHeader header, CancellationToken ct = default) => Task.FromResult(TryRemember(header));

    private void Purge(DateTimeOffset now)
    {
        _sincePurge = 0;
        foreach (var key in _seen.Where(e => e.Value <= now).Select(e => e.Key).ToList())
        {
            _seen.Remove(key);
        }
    }
}
