using Liaison.Ledger.Appending;
using Liaison.Ledger.Checkpoints;
using Liaison.Ledger.Storage;
using Microsoft.Extensions.Time.Testing;

namespace Liaison.Ledger.Tests.Checkpoints;

public sealed class CheckpointerTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public void Policy_is_due_after_the_interval_only_when_entries_are_uncovered()
    {
        var policy = new CheckpointPolicy { MaxInterval = TimeSpan.FromSeconds(5), MaxEntries = 100 };
        var t0 = Sample.Epoch;

        Assert.False(policy.IsDue(10, t0, 10, t0.AddHours(1)));
        Assert.False(policy.IsDue(10, t0, 11, t0.AddSeconds(4)));
        Assert.True(policy.IsDue(10, t0, 11, t0.AddSeconds(5)));
        Assert.True(policy.IsDue(10, t0, 110, t0));
        Assert.False(policy.IsDue(10, t0, 109, t0));
    }

    [Fact]
    public async Task Checkpoint_is_issued_when_the_interval_passes_with_new_entries()
    {
        var time = new FakeTimeProvider(Sample.Epoch);
        var store = new InMemoryLedgerStore();
        using var key = Sample.LogKey();
        using var sequencer = await LedgerSequencer.OpenAsync(store, null, CancellationToken.None);
        await using var checkpointer = new Checkpointer(sequencer, store, key,
            new CheckpointPolicy { MaxInterval = TimeSpan.FromSeconds(5), MaxEntries = 1000 }, time);
        var issued = new TaskCompletionSource<SignedCheckpoint>(TaskCreationOptions.RunContinuationsAsynchronously);
        checkpointer.Issued += c => issued.TrySetResult(c);
        await checkpointer.StartAsync(CancellationToken.None);

        await sequencer.AppendAsync([Sample.Event(1), Sample.Event(2)], CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(4));
        await Task.Delay(50);
        Assert.False(issued.Task.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        var checkpoint = await issued.Task.WaitAsync(Wait);

        Assert.Equal(2, checkpoint.Checkpoint.Size);
        Assert.Equal(Sample.Epoch.AddSeconds(5), checkpoint.Checkpoint.Time);
        Assert.Equal(2, (await store.GetLatestCheckpointAsync(CancellationToken.None))!.TreeSize);
    }

    [Fact]
    public async Task Checkpoint_is_issued_at_the_entry_bound_without_waiting_for_the_clock()
    {
        var time = new FakeTimeProvider(Sample.Epoch);
        var store = new InMemoryLedgerStore();
        using var key = Sample.LogKey();
        using var sequencer = await LedgerSequencer.OpenAsync(store, null, CancellationToken.None);
        await using var checkpointer = new Checkpointer(sequencer, store, key,
            new CheckpointPolicy { MaxInterval = TimeSpan.FromHours(1), MaxEntries = 10 }, time);
        var issued = new TaskCompletionSource<SignedCheckpoint>(TaskCreationOptions.RunContinuationsAsynchronously);
        checkpointer.Issued += c => issued.TrySetResult(c);
        await checkpointer.StartAsync(CancellationToken.None);

        await sequencer.AppendAsync([.. Enumerable.Range(0, 10).Select(Sample.Event)], CancellationToken.None);
        var checkpoint = await issued.Task.WaitAsync(Wait);

        Assert.Equal(10, checkpoint.Checkpoint.Size);
        Assert.Equal(Sample.Epoch, checkpoint.Checkpoint.Time);
    }

    [Fact]
    public async Task Idle_log_gets_no_new_checkpoint()
    {
        var time = new FakeTimeProvider(Sample.Epoch);
        var store = new InMemoryLedgerStore();
        using var key = Sample.LogKey();
        using var sequencer = await LedgerSequencer.OpenAsync(store, null, CancellationToken.None);
        await using var checkpointer = new Checkpointer(sequencer, store, key,
            new CheckpointPolicy { MaxInterval = TimeSpan.FromSeconds(1), MaxEntries = 10 }, time);
        await sequencer.AppendAsync([Sample.Event(1)], CancellationToken.None);
        await checkpointer.IssueNowAsync(CancellationToken.None);

        time.Advance(TimeSpan.FromMinutes(10));

        Assert.Null(await checkpointer.IssueIfDueAsync(CancellationToken.None));
        Assert.Single(await store.ReadCheckpointsAsync(CancellationToken.None).ToListAsync());
    }
}
