namespace Liaison.Matching.Psi;

/// <summary>
/// Per-peer budget of identifiers the holder will evaluate, over a rolling 24-hour window measured by the
/// injected <see cref="TimeProvider"/>. Charged before any evaluation, so a refused session costs the
/// holder nothing and teaches the querier nothing. Also refuses a session id it has already answered.
/// In memory: a node that must keep budgets across restarts persists <see cref="PsiAuditRecord"/>s and
/// replays them with <see cref="Restore"/>.
/// </summary>
public sealed class PsiBudget
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>The rolling window every per-day limit is measured over; charges older than this no longer count.</summary>
    public static TimeSpan Period => Window;

    private readonly PsiBudgetOptions _options;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, PeerUsage> _peers = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public PsiBudget(PsiBudgetOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        _options = options;
        _time = time;
    }

    public PsiBudgetOptions Options => _options;

    /// <summary>Identifiers the peer may still ask in the current window.</summary>
    public int Remaining(string peerId)
    {
        lock (_lock)
        {
            var usage = UsageOf(peerId, _time.GetUtcNow());
            return _options.MaxIdentifiersPerDay - usage.Identifiers;
        }
    }

    /// <summary>Reserves <paramref name="identifiers"/> for a session or throws <see cref="PsiBudgetExceededException"/>.</summary>
    public void Charge(string peerId, Guid sessionId, int identifiers)
    {
        ArgumentException.ThrowIfNullOrEmpty(peerId);
        ArgumentOutOfRangeException.ThrowIfNegative(identifiers);
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            var usage = UsageOf(peerId, now);
            if (usage.Sessions.Contains(sessionId))
            {
                throw new PsiProtocolException(sessionId, "session already answered");
            }
            if (identifiers > _options.MaxIdentifiersPerSession)
            {
                throw new PsiBudgetExceededException(peerId, "per session", identifiers, _options.MaxIdentifiersPerSession, null);
            }
            if (usage.Charges.Count >= _options.MaxSessionsPerDay)
            {
                throw new PsiBudgetExceededException(peerId, "sessions per day", identifiers, 0, usage.Charges.Peek().At + Window);
            }
            var remaining = _options.MaxIdentifiersPerDay - usage.Identifiers;
            if (identifiers > remaining)
            {
                throw new PsiBudgetExceededException(peerId, "per day", identifiers, remaining, usage.WhenAvailable(identifiers - remaining, Window));
            }
            usage.Add(now, sessionId, identifiers);
        }
    }

    /// <summary>Replays a charge recorded earlier (e.g. from the journal after a restart), without checks.</summary>
    public void Restore(string peerId, Guid sessionId, int identifiers, DateTimeOffset at)
    {
        lock (_lock)
        {
            UsageOf(peerId, _time.GetUtcNow()).Add(at, sessionId, identifiers);
        }
    }

    private PeerUsage UsageOf(string peerId, DateTimeOffset now)
    {
        if (!_peers.TryGetValue(peerId, out var usage))
        {
            usage = new PeerUsage();
            _peers[peerId] = usage;
        }
        usage.Expire(now - Window);
        return usage;
    }

    private sealed class PeerUsage
    {
        public Queue<(DateTimeOffset At, Guid Session, int Count)> Charges { get; } = new();

        public HashSet<Guid> Sessions { get; } = [];

        public int Identifiers { get; private set; }

        public void Add(DateTimeOffset at, Guid session, int count)
        {
            Charges.Enqueue((at, session, count));
            Sessions.Add(session);
            Identifiers += count;
        }

        public void Expire(DateTimeOffset cutoff)
        {
            while (Charges.Count > 0 && Charges.Peek().At <= cutoff)
            {
                var old = Charges.Dequeue();
                Sessions.Remove(old.Session);
                Identifiers -= old.Count;
            }
        }

        /// <summary>The moment enough old charges leave the window to free <paramref name="needed"/> identifiers.</summary>
        public DateTimeOffset? WhenAvailable(int needed, TimeSpan window)
        {
            var freed = 0;
            foreach (var charge in Charges)
            {
                freed += charge.Count;
                if (freed >= needed)
                {
                    return charge.At + window;
                }
            }
            return null;
        }
    }
}
