using Liaison.Ledger.Appending;
using Liaison.Ledger.Notes;
using Liaison.Ledger.Storage;

namespace Liaison.Ledger.Checkpoints;

/// <summary>
/// Signs and stores checkpoints of the sequencer's tree head as <see cref="CheckpointPolicy"/> requires:
/// a timer from the injected <see cref="TimeProvider"/> covers the time bound, and the sequencer's
/// <see cref="LedgerSequencer.Appended"/> notification covers the entry bound. Issuing runs on its own
/// loop, never on the append path. The origin line is the signing key's name.
/// </summary>
public sealed class Checkpointer : IAsyncDisposable
{
    private readonly LedgerSequencer _sequencer;
    private readonly ILedgerStore _store;
    private readonly NoteSigningKey _key;
    private readonly CheckpointPolicy _policy;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly SemaphoreSlim _issuing = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private ITimer? _timer;
    private Task? _loop;
    private long _coveredSize;
    private DateTimeOffset _lastIssued;

    public Checkpointer(LedgerSequencer sequencer, ILedgerStore store, NoteSigningKey logKey, CheckpointPolicy policy, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(sequencer);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(logKey);
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(time);
        _sequencer = sequencer;
        _store = store;
        _key = logKey;
        _policy = policy;
        _time = time;
        _lastIssued = time.GetUtcNow();
    }

    /// <summary>Raised after a checkpoint was signed and stored.</summary>
    public event Action<SignedCheckpoint>? Issued;

    /// <summary>Raised when signing or storing a checkpoint failed (the next tick retries).</summary>
    public event Action<Exception>? Failed;

    /// <summary>Starts the timer and the issuing loop, continuing from the latest stored checkpoint.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (await _store.GetLatestCheckpointAsync(cancellationToken) is { } latest)
        {
            _coveredSize = latest.TreeSize;
        }
        _sequencer.Appended += OnAppended;
        _loop = Task.Run(() => RunAsync(_stop.Token), CancellationToken.None);
        _timer = _time.CreateTimer(_ => Wake(), null, _policy.MaxInterval, _policy.MaxInterval);
    }

    private void OnAppended(long size)
    {
        if (size - Volatile.Read(ref _coveredSize) >= _policy.MaxEntries)
        {
            Wake();
        }
    }

    private void Wake()
    {
        try
        {
            _wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled; one wake-up covers both reasons.
        }
    }

    private async Task RunAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await _wake.WaitAsync(stop);
                await IssueIfDueAsync(stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                Failed?.Invoke(e);
            }
        }
    }

    /// <summary>Issues a checkpoint if the policy says one is due; returns it, or null.</summary>
    public async Task<SignedCheckpoint?> IssueIfDueAsync(CancellationToken cancellationToken)
    {
        await _issuing.WaitAsync(cancellationToken);
        try
        {
            var now = _time.GetUtcNow();
            var size = _sequencer.Size;
            if (!_policy.IsDue(_coveredSize, _lastIssued, size, now))
            {
                return null;
            }
            return await IssueLockedAsync(now, cancellationToken);
        }
        finally
        {
            _issuing.Release();
        }
    }

    /// <summary>Issues a checkpoint of the current tree head now, whatever the policy says (e.g. before an export).</summary>
    public async Task<SignedCheckpoint> IssueNowAsync(CancellationToken cancellationToken)
    {
        await _issuing.WaitAsync(cancellationToken);
        try
        {
            return await IssueLockedAsync(_time.GetUtcNow(), cancellationToken);
        }
        finally
        {
            _issuing.Release();
        }
    }

    private async Task<SignedCheckpoint> IssueLockedAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The sequencer signs and stores under its log lock when other writers share the store.
        var signed = await _sequencer.CheckpointAsync(head => SignedCheckpoint.Sign(new Checkpoint(_key.Name, head.Size, head.RootHash, now), _key), cancellationToken);
        Volatile.Write(ref _coveredSize, signed.Checkpoint.Size);
        _lastIssued = now;
        Issued?.Invoke(signed);
        return signed;
    }

    public async ValueTask DisposeAsync()
    {
        _sequencer.Appended -= OnAppended;
        if (_timer is not null)
        {
            await _timer.DisposeAsync();
        }
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }
        _stop.Dispose();
        _wake.Dispose();
        _issuing.Dispose();
    }
}
