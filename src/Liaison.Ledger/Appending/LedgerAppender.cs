using System.Threading.Channels;
using Liaison.Ledger.Entries;

namespace Liaison.Ledger.Appending;

/// <summary>
/// Group commit for the log: concurrent callers hand in events and await their index; one loop drains
/// whatever has queued (up to <see cref="LedgerAppenderOptions.MaxBatch"/>) into a single sequencer
/// append — one store write and one flush for the whole group. Under load batches grow by themselves, so
/// a request waits for at most one batch write, never for the other requests one by one.
/// Encoding and leaf hashing run on the callers' threads.
/// </summary>
public sealed class LedgerAppender : IAsyncDisposable
{
    private readonly LedgerSequencer _sequencer;
    private readonly int _maxBatch;
    private readonly Channel<Pending> _queue;
    private readonly Task _loop;

    public LedgerAppender(LedgerSequencer sequencer, LedgerAppenderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sequencer);
        options ??= new LedgerAppenderOptions();
        _sequencer = sequencer;
        _maxBatch = options.MaxBatch;
        _queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _loop = Task.Run(DrainAsync);
    }

    /// <summary>Queues an event; completes with its index once it is durable.</summary>
    public async ValueTask<long> AppendAsync(LedgerEvent e, CancellationToken cancellationToken = default)
    {
        var pending = new Pending(PreparedEntry.From(e), new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        await _queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Done.Task.WaitAsync(cancellationToken);
    }

    private async Task DrainAsync()
    {
        var batch = new List<Pending>(_maxBatch);
        var entries = new List<PreparedEntry>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var p))
            {
                batch.Add(p);
                entries.Add(p.Entry);
            }
            try
            {
                var stored = await _sequencer.AppendAsync(entries, commit: null, CancellationToken.None);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(stored[i].Index);
                }
            }
            catch (Exception ex)
            {
                // Every caller of the failed batch learns its event was not journalled.
                foreach (var p in batch)
                {
                    p.Done.TrySetException(ex);
                }
            }
            batch.Clear();
            entries.Clear();
        }
    }

    /// <summary>Stops accepting events and waits until the queued ones are written.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private sealed record Pending(PreparedEntry Entry, TaskCompletionSource<long> Done);
}
