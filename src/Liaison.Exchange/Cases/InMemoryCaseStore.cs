using System.Collections.Concurrent;

namespace Liaison.Exchange.Cases;

/// <summary>Case messaging state in memory: for tests and the demo.</summary>
public sealed class InMemoryCaseStore : ICaseStore
{
    private readonly ConcurrentDictionary<string, CaseThread> _threads = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string, string), ReceivedCopy> _copies = new();
    private readonly ConcurrentDictionary<(string, string), int> _withdrawn = new();
    private readonly ConcurrentDictionary<(string, string), ConcurrentDictionary<(string, string), byte>> _shares = new();
    private readonly ConcurrentDictionary<string, int> _ownVersions = new(StringComparer.Ordinal);

    public Task<CaseThread?> FindThreadAsync(string threadId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_threads.GetValueOrDefault(threadId));

    public Task SaveThreadAsync(CaseThread thread, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(thread);
        _threads[thread.ThreadId] = thread;
        return Task.CompletedTask;
    }

    public Task<ReceivedCopy?> FindCopyAsync(string originNode, string recordId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_copies.GetValueOrDefault((originNode, recordId)));

    public Task<IReadOnlyList<ReceivedCopy>> ListCopiesAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ReceivedCopy>>(_copies.Values.OrderBy(c => c.RecordId, StringComparer.Ordinal).ToList());

    public Task SaveCopyAsync(ReceivedCopy copy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(copy);
        _copies[(copy.OriginNode, copy.RecordId)] = copy;
        return Task.CompletedTask;
    }

    public Task RemoveCopyAsync(string originNode, string recordId, CancellationToken cancellationToken = default)
    {
        _copies.TryRemove((originNode, recordId), out _);
        return Task.CompletedTask;
    }

    public Task<int?> WithdrawnAtAsync(string originNode, string recordId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_withdrawn.TryGetValue((originNode, recordId), out var v) ? v : (int?)null);

    public Task AddWithdrawalAsync(string originNode, string recordId, int version, CancellationToken cancellationToken = default)
    {
        _withdrawn.AddOrUpdate((originNode, recordId), version, (_, old) => Math.Max(old, version));
        return Task.CompletedTask;
    }

    public Task AddShareAsync(string originNode, string recordId, string recipient, string threadId, CancellationToken cancellationToken = default)
    {
        _shares.GetOrAdd((originNode, recordId), _ => new())[(recipient, threadId)] = 0;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<(string Recipient, string ThreadId)>> ListSharesAsync(string originNode, string recordId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<(string, string)>>(
            _shares.TryGetValue((originNode, recordId), out var s) ? s.Keys.OrderBy(k => k.Item1, StringComparer.Ordinal).ToList() : []);

    public Task<int> OwnVersionAsync(string recordId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_ownVersions.GetValueOrDefault(recordId));

    public Task SetOwnVersionAsync(string recordId, int version, CancellationToken cancellationToken = default)
    {
        _ownVersions[recordId] = version;
        return Task.CompletedTask;
    }
}
