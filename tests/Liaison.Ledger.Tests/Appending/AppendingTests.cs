using Liaison.Ledger.Appending;
using Liaison.Ledger.Entries;
using Liaison.Ledger.Storage;
using Liaison.Ledger.Verification;

namespace Liaison.Ledger.Tests.Appending;

public sealed class AppendingTests
{
    [Fact]
    public async Task Concurrent_appends_through_the_appender_get_distinct_contiguous_indexes_in_few_batches()
    {
        var store = new CountingStore();
        using var sequencer = await LedgerSequencer.OpenAsync(store, null, CancellationToken.None);
        var appender = new LedgerAppender(sequencer, new LedgerAppenderOptions { MaxBatch = 512 });

        var indexes = await Task.WhenAll(Enumerable.Range(0, 2000).Select(i => Task.Run(() => appender.AppendAsync(Sample.Event(i)).AsTask())));
        await appender.DisposeAsync();

        Assert.Equal(Enumerable.Range(0, 2000).Select(i => (long)i), indexes.Order());
        Assert.Equal(2000, sequencer.Size);
        Assert.True(store.Appends < 2000, $"{store.Appends} store writes for 2000 events: no batching happened");
    }

    [Fact]
    public async Task Tree_advances_only_when_the_business_transaction_commits()
    {
        var store = new InMemoryLedgerStore();
        using var sequencer = await LedgerSequencer.OpenAsync(store, null, CancellationToken.None);
        await sequencer.AppendAsync([Sample.Event(0)], CancellationToken.None);
        var before = sequencer.Head;

        await Assert.ThrowsAsync<InvalidOperationException>(() => sequencer.AppendAsync(
            [PreparedEntry.From(Sample.Event(1))], _ => throw new InvalidOperationException("commit failed"), CancellationToken.None));

        Assert.Equal(before.Size, sequencer.Size);
        Assert.Equal(before.RootHash, sequencer.Head.RootHash);
    }

    [Fact]
    public async Task Failed_store_write_fails_every_caller_of_the_batch_and_leaves_the_log_unchanged()
    {
        var store = new CountingStore { FailNext = true };
        using var sequencer = await LedgerSequencer.OpenAsync(store, null, CancellationToken.None);
        await using var appender = new LedgerAppender(sequencer);

        await Assert.ThrowsAsync<IOException>(async () => await appender.AppendAsync(Sample.Event(1)));
        var next = await appender.AppendAsync(Sample.Event(2));

        Assert.Equal(0, next);
    }

    [Fact]
    public async Task Store_refuses_an_append_that_leaves_a_gap()
    {
        var store = new InMemoryLedgerStore();

        var e = await Assert.ThrowsAsync<LedgerSequenceException>(() =>
            store.AppendAsync([LedgerEntry.Create(3, Sample.Event(3))], CancellationToken.None));

        Assert.Equal(0, e.ExpectedIndex);
    }

    [Fact]
    public async Task Sequencer_refuses_to_open_a_log_whose_entry_no_longer_matches_its_hash()
    {
        var store = new InMemoryLedgerStore();
        using var key = Sample.LogKey();
        using (await Sample.SignedLogAsync(store, key, 12, 12))
        {
        }
        var entry = await store.GetEntryAsync(4, CancellationToken.None);
        store.Overwrite(4, entry with { Payload = CanonicalEntryEncoding.Encode(Sample.Event(77)) });

        var e = await Assert.ThrowsAsync<LedgerIntegrityException>(() => LedgerSequencer.OpenAsync(store, key.VerifierKey, CancellationToken.None));

        Assert.Equal(4, e.Index);
    }

    [Fact]
    public async Task Reopened_file_store_continues_the_same_log()
    {
        var folder = Sample.TempFolder();
        using var key = Sample.LogKey();
        var store = FileLedgerStore.Open(folder, create: true);
        using (await Sample.SignedLogAsync(store, key, 30, 10))
        {
        }

        var reopened = FileLedgerStore.Open(folder);
        using var sequencer = await LedgerSequencer.OpenAsync(reopened, key.VerifierKey, CancellationToken.None);
        await sequencer.AppendAsync([Sample.Event(30)], CancellationToken.None);
        await Sample.CheckpointAsync(reopened, sequencer, key);
        var report = await LedgerVerifier.VerifyAsync(FileLedgerStore.Open(folder), key.VerifierKey, null, CancellationToken.None);

        Assert.True(report.IsIntact, report.Fault?.ToString());
        Assert.Equal(31, report.EntriesChecked);
        Assert.Equal(Sample.Event(17), (await reopened.GetEntryAsync(17, CancellationToken.None)).Decode());
        Assert.Equal([10L, 11, 12, 13, 14], await reopened.ReadRangeAsync(10, 5, CancellationToken.None).Select(e => e.Index).ToListAsync());
        Assert.Equal([29L, 30], await reopened.ReadRangeAsync(29, long.MaxValue, CancellationToken.None).Select(e => e.Index).ToListAsync());
    }

    private sealed class CountingStore : ILedgerStore
    {
        private readonly InMemoryLedgerStore _inner = new();
        public int Appends;
        public bool FailNext;

        public async Task AppendAsync(IReadOnlyList<LedgerEntry> entries, CancellationToken cancellationToken)
        {
            if (FailNext)
            {
                FailNext = false;
                throw new IOException("disk full");
            }
            Interlocked.Increment(ref Appends);
            // A real write takes time; meanwhile more callers queue up and join the next batch.
            await Task.Delay(1, cancellationToken);
            await _inner.AppendAsync(entries, cancellationToken);
        }

        public Task<long> GetSizeAsync(CancellationToken cancellationToken) => _inner.GetSizeAsync(cancellationToken);
        public Task<LedgerEntry> GetEntryAsync(long index, CancellationToken cancellationToken) => _inner.GetEntryAsync(index, cancellationToken);
        public IAsyncEnumerable<LedgerEntry> ReadRangeAsync(long start, long count, CancellationToken cancellationToken) => _inner.ReadRangeAsync(start, count, cancellationToken);
        public Task AddCheckpointAsync(StoredCheckpoint checkpoint, CancellationToken cancellationToken) => _inner.AddCheckpointAsync(checkpoint, cancellationToken);
        public IAsyncEnumerable<StoredCheckpoint> ReadCheckpointsAsync(CancellationToken cancellationToken) => _inner.ReadCheckpointsAsync(cancellationToken);
        public Task<StoredCheckpoint?> GetLatestCheckpointAsync(CancellationToken cancellationToken) => _inner.GetLatestCheckpointAsync(cancellationToken);
        public Task AddCosignatureAsync(StoredCosignature cosignature, CancellationToken cancellationToken) => _inner.AddCosignatureAsync(cosignature, cancellationToken);
        public IAsyncEnumerable<StoredCosignature> ReadCosignaturesAsync(CancellationToken cancellationToken) => _inner.ReadCosignaturesAsync(cancellationToken);
    }
}
