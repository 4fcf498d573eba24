using System.Runtime.CompilerServices;
using Liaison.Ledger.Entries;

namespace Liaison.Ledger.Storage;

/// <summary>A store held in memory: for tests, benchmarks and tools that build a log transiently.</summary>
public sealed class InMemoryLedgerStore : ILedgerStore
{
    private readonly List<LedgerEntry> _entries = [];
    private readonly List<StoredCheckpoint> _checkpoints = [];
    private readonly List<StoredCosignature> _cosignatures = [];
    private readonly Lock _lock = new();

    public Task AppendAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (_lock)
        {
            for (var i = 0; i < entries.Count; i++)
            {
                var expected = _entries.Count + (long)i;
                if (entries[i].Index != expected)
                {
                    throw new LedgerSequenceException(expected, entries[i].Index);
                }
            }
            _entries.AddRange(entries);
        }
        return Task.CompletedTask;
    }

    public Task<long> GetSizeAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult((long)_entries.Count);
        }
    }

    public Task<LedgerEntry> GetEntryAsync(long index, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _entries.Count);
            return Task.FromResult(_entries[(int)index]);
        }
    }

    public async IAsyncEnumerable<LedgerEntry> ReadRangeAsync(long start, long count, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var end = count > long.MaxValue - start ? long.MaxValue : start + count;
        for (var i = start; i < end; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            LedgerEntry entry;
            lock (_lock)
            {
                if (i >= _entries.Count)
                {
                    yield break;
                }
                entry = _entries[(int)i];
            }
            yield return entry;
        }
        await Task.CompletedTask;
    }

    public Task AddCheckpointAsync(StoredCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _checkpoints.Add(checkpoint);
        }
        return Task.CompletedTask;
    }

    public IAsyncEnumerable<StoredCheckpoint> ReadCheckpointsAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _checkpoints.ToList().ToAsyncEnumerable();
        }
    }

    public Task<StoredCheckpoint?> GetLatestCheckpointAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_checkpoints.Count == 0 ? null : _checkpoints[^1]);
        }
    }

    public Task AddCosignatureAsync(StoredCosignature cosignature, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _cosignatures.Add(cosignature);
        }
        return Task.CompletedTask;
    }

    public IAsyncEnumerable<StoredCosignature> ReadCosignaturesAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return _cosignatures.ToList().ToAsyncEnumerable();
        }
    }

    /// <summary>Replaces the stored bytes of an entry — only for tamper tests that play the attacker.</summary>
    internal void Overwrite(long index, LedgerEntry entry)
    {
        lock (_lock)
        {
            _entries[(int)index] = entry;
        }
    }
}
