using Liaison.Ledger.Appending;
using Liaison.Ledger.Checkpoints;
using Liaison.Ledger.Notes;
using Liaison.Ledger.Storage;
using Liaison.Ledger.Witnessing;
using Microsoft.Extensions.Time.Testing;

namespace Liaison.Ledger.Tests.Witnessing;

public sealed class WitnessTests : IDisposable
{
    private readonly NoteSigningKey _logKey = Sample.LogKey();
    private readonly NoteSigningKey _witnessKey = NoteSigningKey.Generate("liaison.test/nl.politie-witness", NoteKeyType.CosignatureV1);
    private readonly FakeTimeProvider _time = new(Sample.Epoch);
    private readonly InMemoryWitnessStateStore _state = new();
    private readonly InMemoryLedgerStore _store = new();

    public void Dispose()
    {
        _logKey.Dispose();
        _witnessKey.Dispose();
    }

    private Witness NewWitness() => new(_witnessKey, [_logKey.VerifierKey], _state, _time);

    private async Task<(LedgerSequencer Sequencer, SignedCheckpoint Checkpoint)> LogOfAsync(int size, InMemoryLedgerStore? store = null, int offset = 0)
    {
        store ??= _store;
        var sequencer = await LedgerSequencer.OpenAsync(store, null, CancellationToken.None);
        await sequencer.AppendAsync([.. Enumerable.Range(offset, size).Select(Sample.Event)], CancellationToken.None);
        return (sequencer, await Sample.CheckpointAsync(store, sequencer, _logKey));
    }

    [Fact]
    public async Task First_checkpoint_is_cosigned_and_the_cosignature_verifies_with_the_witness_key()
    {
        var (sequencer, checkpoint) = await LogOfAsync(5);
        using var _ = sequencer;
        var witness = NewWitness();

        var response = await witness.AddCheckpointAsync(CosignatureCollector.BuildRequest(sequencer, checkpoint, 0), CancellationToken.None);
        var stored = await CosignatureCollector.AcceptAsync(_store, checkpoint, response.Body, witness.VerifierKey, CancellationToken.None);

        Assert.Equal(WitnessVerdict.Cosigned, response.Verdict);
        Assert.True(witness.VerifierKey.Verify(checkpoint.Note.Text, response.Cosignature!));
        Assert.Equal(5, stored.TreeSize);
        var cosigned = checkpoint.Note.With(response.Cosignature!).Format();
        Assert.Equal(2, NoteVerification.Open(cosigned, [_logKey.VerifierKey, witness.VerifierKey]).Verified.Count);
    }

    [Fact]
    public async Task Consistent_growth_is_cosigned_after_checking_the_proof()
    {
        var (sequencer, first) = await LogOfAsync(5);
        using var _ = sequencer;
        var witness = NewWitness();
        await witness.AddCheckpointAsync(CosignatureCollector.BuildRequest(sequencer, first, 0), CancellationToken.None);
        await sequencer.AppendAsync([.. Enumerable.Range(5, 8).Select(Sample.Event)], CancellationToken.None);
        var second = await Sample.CheckpointAsync(_store, sequencer, _logKey);

        var response = await witness.AddCheckpointAsync(CosignatureCollector.BuildRequest(sequencer, second, 5), CancellationToken.None);

        Assert.Equal(WitnessVerdict.Cosigned, response.Verdict);
    }

    [Fact]
    public async Task Witness_refuses_a_checkpoint_inconsistent_with_the_one_it_cosigned()
    {
        var (honest, first) = await LogOfAsync(5);
        using var _ = honest;
        var witness = NewWitness();
        await witness.AddCheckpointAsync(CosignatureCollector.BuildRequest(honest, first, 0), CancellationToken.None);
        // The log rewrites its history: a different tree of 9 entries, signed with the same key.
        var (rewritten, forked) = await LogOfAsync(9, new InMemoryLedgerStore(), offset: 100);
        using var __ = rewritten;

        var response = await witness.AddCheckpointAsync(CosignatureCollector.BuildRequest(rewritten, forked, 5), CancellationToken.None);

        Assert.Equal(WitnessVerdict.InconsistentProof, response.Verdict);
        Assert.Null(response.Cosignature);
    }

    [Fact]
    public async Task Two_checkpoints_of_one_size_with_different_roots_raise_a_split_view_alert()
    {
        var (honest, seen) = await LogOfAsync(7);
        using var _ = honest;
        var witness = NewWitness();
        SplitViewAlert? raised = null;
        witness.SplitViewDetected += a => raised = a;
        await witness.AddCheckpointAsync(CosignatureCollector.BuildRequest(honest, seen, 0), CancellationToken.None);
        var (other, presented) = await LogOfAsync(7, new InMemoryLedgerStore(), offset: 50);
        using var __ = other;

        var response = await witness.AddCheckpointAsync(new AddCheckpointRequest(7, [], presented.Format()), CancellationToken.None);

        Assert.Equal(WitnessVerdict.Conflict, response.Verdict);
        Assert.NotNull(response.SplitView);
        Assert.Same(response.SplitView, raised);
        Assert.Equal(7, raised!.Size);
        Assert.Equal(seen.Checkpoint.RootHash, raised.RootSeen);
        Assert.Equal(presented.Checkpoint.RootHash, raised.RootPresented);
        // The alert carries both signed notes: each verifies with the log key, which is the evidence.
        SignedCheckpoint.Open(raised.CheckpointSeen, _logKey.VerifierKey);
        SignedCheckpoint.Open(raised.CheckpointPresented, _logKey.VerifierKey);
    }

    [Fact]
    public async Task Witness_refuses_to_roll_back_to_a_smaller_checkpoint()
    {
        var (sequencer, small) = await LogOfAsync(4);
        using var _ = sequencer;
        await sequencer.AppendAsync([.. Enumerable.Range(4, 6).Select(Sample.Event)], CancellationToken.None);
        var large = await Sample.CheckpointAsync(_store, sequencer, _logKey);
        var witness = NewWitness();
        await witness.AddCheckpointAsync(CosignatureCollector.BuildRequest(sequencer, large, 0), CancellationToken.None);

        var fromLatest = await witness.AddCheckpointAsync(new AddCheckpointRequest(10, [], small.Format()), CancellationToken.None);
        var fromOld = await witness.AddCheckpointAsync(new AddCheckpointRequest(4, [], small.Format()), CancellationToken.None);

        Assert.Equal(WitnessVerdict.BadRequest, fromLatest.Verdict);
        Assert.Equal(WitnessVerdict.Conflict, fromOld.Verdict);
        Assert.Equal(10, fromOld.LatestSize);
    }

    [Fact]
    public async Task Stale_old_size_gets_a_conflict_with_the_latest_size()
    {
        var (sequencer, first) = await LogOfAsync(3);
        using var _ = sequencer;
        var witness = NewWitness();
        await witness.AddCheckpointAsync(CosignatureCollector.BuildRequest(sequencer, first, 0), CancellationToken.None);
        await sequencer.AppendAsync([Sample.Event(3)], CancellationToken.None);
        var second = await Sample.CheckpointAsync(_store, sequencer, _logKey);

        var response = await witness.AddCheckpointAsync(new AddCheckpointRequest(0, [], second.Format()), CancellationToken.None);

        Assert.Equal(WitnessVerdict.Conflict, response.Verdict);
        Assert.Equal("3\n", response.Body);
    }

    [Fact]
    public async Task Checkpoint_not_signed_by_the_trusted_log_key_is_forbidden_and_unknown_logs_are_not_found()
    {
        var (sequencer, _) = await LogOfAsync(3);
        using var __ = sequencer;
        using var impostor = NoteSigningKey.Generate(_logKey.Name);
        using var stranger = NoteSigningKey.Generate("liaison.test/unknown");
        var head = sequencer.Head;
        var forged = SignedCheckpoint.Sign(new Checkpoint(_logKey.Name, head.Size, head.RootHash), impostor);
        var foreign = SignedCheckpoint.Sign(new Checkpoint(stranger.Name, head.Size, head.RootHash), stranger);
        var witness = NewWitness();

        var forbidden = await witness.AddCheckpointAsync(new AddCheckpointRequest(0, [], forged.Format()), CancellationToken.None);
        var unknown = await witness.AddCheckpointAsync(new AddCheckpointRequest(0, [], foreign.Format()), CancellationToken.None);

        Assert.Equal(WitnessVerdict.Forbidden, forbidden.Verdict);
        Assert.Equal(WitnessVerdict.UnknownOrigin, unknown.Verdict);
    }

    [Fact]
    public void Add_checkpoint_request_body_round_trips()
    {
        var request = new AddCheckpointRequest(20852014, [new byte[32], Enumerable.Repeat((byte)7, 32).ToArray()], "o\n1\nAAAA\n\n\u2014 o AAAAAAAA\n");

        var body = request.Format();
        var parsed = AddCheckpointRequest.Parse(body);

        Assert.StartsWith("old 20852014\n", body, StringComparison.Ordinal);
        Assert.Equal(request.OldSize, parsed.OldSize);
        Assert.Equal(request.ConsistencyProof, parsed.ConsistencyProof);
        Assert.Equal(request.SignedCheckpoint, parsed.SignedCheckpoint);
    }
}
