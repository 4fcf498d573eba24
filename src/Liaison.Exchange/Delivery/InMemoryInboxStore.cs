namespace Liaison.Exchange.Delivery;

/// <summary>
/// The inbox in memory. One lock serialises <see cref="RecordOnceAsync"/>, which is what a
/// transaction with a unique key gives the database implementation; an effect that throws leaves no entry.
/// </summary>
public sealed class InMemoryInboxStore : IInboxStore
{
    private readonly Dictionary<(string, string), InboxEntry> _entries = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    public int Count
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    public Task<bool> HasSeenAsync(string sender, string messageId, CancellationToken cancellationToken = default)
    {
        lock (_entries)
        {
            return Task.FromResult(_entries.ContainsKey((sender, messageId)));
        }
    }

    public Task<InboxEntry?> FindAsync(string sender, string messageId, CancellationToken cancellationToken = default)
    {
        lock (_entries)
        {
            return Task.FromResult(_entries.GetValueOrDefault((sender, messageId)));
        }
    }

    public async Task<InboxOutcome> RecordOnceAsync(InboxEntry entry, Func<CancellationToken, Task> effect, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(effect);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var existing = await FindAsync(entry.Sender, entry.MessageId, cancellationToken);
            if (existing is not null)
            {
                return new InboxOutcome(true, existing);
            }
            await effect(cancellationToken);
            lock (_entries)
            {
                _entries[(entry.Sender, entry.MessageId)] = entry;
            }
            return new InboxOutcome(false, entry);
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<int> PurgeExpiredAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        lock (_entries)
        {
            var old = _entries.Where(e => e.Value.Expires < before).Select(e => e.Key).ToList();
            old.ForEach(k => _entries.Remove(k));
            return Task.FromResult(old.Count);
        }
    }
}
