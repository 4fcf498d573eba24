namespace Liaison.Exchange.Delivery;

/// <summary>The outbox in memory, with the same claim semantics as the database one (a lock stands in for SKIP LOCKED).</summary>
public sealed class InMemoryOutboxStore : IOutboxStore
{
    private readonly Dictionary<string, OutboxMessage> _rows = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public Task AddAsync(OutboxMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_lock)
        {
            if (!_rows.TryAdd(message.Id, message))
            {
                throw new InvalidOperationException($"outbox message {message.Id} already exists");
            }
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            var due = _rows.Values.Where(m => m.State == OutboxState.Pending && m.NextAttemptAt <= now)
                .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id, StringComparer.Ordinal).Take(max).ToList();
            foreach (var m in due)
            {
                _rows[m.Id] = m with { NextAttemptAt = now + lease };
            }
            return Task.FromResult<IReadOnlyList<OutboxMessage>>(due);
        }
    }

    public Task MarkDeliveredAsync(string id, int attempts, DateTimeOffset deliveredAt, string receipt, CancellationToken cancellationToken = default) =>
        Update(id, m => m.State == OutboxState.Delivered ? m
            : m with { State = OutboxState.Delivered, Attempts = attempts, DeliveredAt = deliveredAt, Receipt = receipt, LastError = null });

    public Task ScheduleRetryAsync(string id, int attempts, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken = default) =>
        Update(id, m => m.State != OutboxState.Pending ? m : m with { Attempts = attempts, NextAttemptAt = nextAttemptAt, LastError = error });

    public Task MarkDeadAsync(string id, int attempts, string error, CancellationToken cancellationToken = default) =>
        Update(id, m => m.State != OutboxState.Pending ? m : m with { State = OutboxState.Dead, Attempts = attempts, LastError = error });

    public Task<bool> RetryDeadAsync(string id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            if (!_rows.TryGetValue(id, out var m) || m.State != OutboxState.Dead)
            {
                return Task.FromResult(false);
            }
            _rows[id] = m with { State = OutboxState.Pending, Attempts = 0, NextAttemptAt = now };
            return Task.FromResult(true);
        }
    }

    public Task<OutboxMessage?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_rows.GetValueOrDefault(id));
        }
    }

    public Task<IReadOnlyList<OutboxMessage>> ListAsync(OutboxState? state = null, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<OutboxMessage>>(
                _rows.Values.Where(m => state is null || m.State == state).OrderBy(m => m.CreatedAt).ToList());
        }
    }

    private Task Update(string id, Func<OutboxMessage, OutboxMessage> change)
    {
        lock (_lock)
        {
            if (_rows.TryGetValue(id, out var m))
            {
                _rows[id] = change(m);
            }
        }
        return Task.CompletedTask;
    }
}
