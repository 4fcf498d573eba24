namespace Liaison.Ledger.Witnessing;

/// <summary>Witness state in memory, for tests and single-process tools.</summary>
public sealed class InMemoryWitnessStateStore : IWitnessStateStore
{
    private readonly Dictionary<string, (long Size, string Note)> _latest = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public Task<string?> GetLatestAsync(string origin, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_latest.TryGetValue(origin, out var s) ? s.Note : null);
        }
    }

    public Task<bool> TryAdvanceAsync(string origin, long expectedSize, long newSize, string signedCheckpoint, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var current = _latest.TryGetValue(origin, out var s) ? s.Size : 0;
            if (current != expectedSize)
            {
                return Task.FromResult(false);
            }
            _latest[origin] = (newSize, signedCheckpoint);
            return Task.FromResult(true);
        }
    }
}
