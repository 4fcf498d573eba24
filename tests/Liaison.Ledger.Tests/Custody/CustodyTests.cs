using Liaison.Ledger.Appending;
using Liaison.Ledger.Custody;
using Liaison.Ledger.Storage;

namespace Liaison.Ledger.Tests.Custody;

public sealed class CustodyTests
{
    private static CustodyEvent Step(string item, CustodyAction action, int minute, string? counterparty = null) => new()
    {
        Item = item,
        Action = action,
        Actor = "user:officer1@be.fedpol",
        Time = Sample.Epoch.AddMinutes(minute),
        Counterparty = counterparty,
        Case = "CASE-7",
        Purpose = "investigation",
    };

    [Fact]
    public async Task Stored_evidence_is_named_by_its_sha256_and_verifies()
    {
        var evidence = new EvidenceStore(Sample.TempFolder());

        var item = await evidence.AddAsync(new MemoryStream("seized phone image"u8.ToArray()), CancellationToken.None);
        var check = await evidence.VerifyAsync(item.Digest, CancellationToken.None);

        Assert.Equal("sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("seized phone image"u8)), item.Digest);
        Assert.True(check.IsIntact);
    }

    [Fact]
    public async Task Altered_evidence_file_no_longer_verifies()
    {
        var evidence = new EvidenceStore(Sample.TempFolder());
        var item = await evidence.AddAsync(new MemoryStream("original"u8.ToArray()), CancellationToken.None);
        await File.WriteAllTextAsync(evidence.PathOf(item.Digest), "altered");

        var check = await evidence.VerifyAsync(item.Digest, CancellationToken.None);

        Assert.False(check.IsIntact);
        Assert.NotEqual(item.Digest, check.ActualDigest);
    }

    [Fact]
    public void Custody_step_round_trips_through_its_ledger_event()
    {
        var step = Step("sha256:" + new string('a', 64), CustodyAction.TransferredTo, 3, "nl.politie") with { Location = "Brussels HQ", Note = "sealed bag 17" };

        var back = CustodyEvent.FromLedgerEvent(step.ToLedgerEvent());

        Assert.Equal(step, back);
    }

    [Fact]
    public void Sound_chain_has_no_problems()
    {
        var item = "sha256:" + new string('b', 64);
        var trail = new CustodyTrail(item, [
            (1, Step(item, CustodyAction.Collected, 0)),
            (5, Step(item, CustodyAction.Accessed, 1)),
            (9, Step(item, CustodyAction.TransferredTo, 2, "lab.forensics")),
            (12, Step(item, CustodyAction.ReceivedFrom, 3, "lab.forensics")),
            (20, Step(item, CustodyAction.Exported, 4)),
        ]);

        Assert.Empty(trail.Problems());
    }

    [Fact]
    public void Access_while_transferred_away_and_time_running_backwards_are_named_by_entry()
    {
        var item = "sha256:" + new string('c', 64);
        var trail = new CustodyTrail(item, [
            (1, Step(item, CustodyAction.Collected, 5)),
            (4, Step(item, CustodyAction.TransferredTo, 6, "nl.politie")),
            (6, Step(item, CustodyAction.Accessed, 7)),
            (8, Step(item, CustodyAction.ReceivedFrom, 2, "nl.politie")),
        ]);

        var problems = trail.Problems();

        Assert.Contains(problems, p => p.StartsWith("entry 6 (accessed)", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("entry 8 (received-from): dated before", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Evidence_is_proven_by_its_hash_and_a_checkpointed_custody_trail()
    {
        var evidence = new EvidenceStore(Sample.TempFolder());
        var item = await evidence.AddAsync(new MemoryStream("ledger book scan"u8.ToArray()), CancellationToken.None);
        var store = new InMemoryLedgerStore();
        using var key = Sample.LogKey();
        using var sequencer = await LedgerSequencer.OpenAsync(store, null, CancellationToken.None);
        await sequencer.AppendAsync([Sample.Event(0), Step(item.Digest, CustodyAction.Collected, 0).ToLedgerEvent(), Sample.Event(1),
            Step(item.Digest, CustodyAction.Accessed, 1).ToLedgerEvent()], CancellationToken.None);
        await Sample.CheckpointAsync(store, sequencer, key);

        var report = await EvidenceVerifier.VerifyAsync(evidence, item.Digest, store, key.VerifierKey, CancellationToken.None);

        Assert.True(report.IsProven, string.Join("; ", report.TrailProblems));
        Assert.Equal([1L, 3L], report.Trail!.Steps.Select(s => s.Index));
    }

    [Fact]
    public async Task Custody_step_after_the_last_checkpoint_is_not_yet_proven()
    {
        var evidence = new EvidenceStore(Sample.TempFolder());
        var item = await evidence.AddAsync(new MemoryStream("x"u8.ToArray()), CancellationToken.None);
        var store = new InMemoryLedgerStore();
        using var key = Sample.LogKey();
        using var sequencer = await LedgerSequencer.OpenAsync(store, null, CancellationToken.None);
        await sequencer.AppendAsync([Step(item.Digest, CustodyAction.Collected, 0).ToLedgerEvent()], CancellationToken.None);
        await Sample.CheckpointAsync(store, sequencer, key);
        await sequencer.AppendAsync([Step(item.Digest, CustodyAction.Accessed, 1).ToLedgerEvent()], CancellationToken.None);

        var report = await EvidenceVerifier.VerifyAsync(evidence, item.Digest, store, key.VerifierKey, CancellationToken.None);

        Assert.False(report.IsProven);
        Assert.Contains("entry 1: not yet covered by a signed checkpoint", report.TrailProblems);
    }
}
