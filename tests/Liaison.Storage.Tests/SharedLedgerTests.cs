using Liaison.Ledger.Checkpoints;
using Liaison.Ledger.Entries;
using Liaison.Ledger.Merkle;
using Liaison.Ledger.Verification;
using Liaison.Storage.Ledger;

namespace Liaison.Storage.Tests;

/// <summary>
/// Several writers of one node's ledger on one database — the node's replicas, or a CLI command next to
/// the server: each appends under the database's log lock after catching up on the others, so the log
/// stays one verifiable chain with every entry exactly once.
/// </summary>
public class SharedLedgerTests
{
    private static LedgerEvent Event(string writer, int i) => new()
    {
        Type = LedgerEventType.Receipt,
        Actor = "peer:" + writer,
        Decision = "received",
        Time = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero).AddMilliseconds(i),
        Subjects = [$"{writer}-{i}"],
    };

    [Theory]
    [MemberData(nameof(TestNode.Providers), MemberType = typeof(TestNode))]
    public async Task Two_writers_appending_at_once_make_one_log_that_verifies_with_every_entry_once(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        // A small entry bound makes both writers sign checkpoints while the other appends.
        var policy = new CheckpointPolicy { MaxEntries = 16 };
        await using var a = await NodeLedger.OpenAsync(node.Config, node.Clock, policy);
        await using var b = await NodeLedger.OpenAsync(node.Config, node.Clock, policy);

        var appends = Enumerable.Range(0, 150).SelectMany(i => new[] { a.AppendAsync(Event("a", i)).AsTask(), b.AppendAsync(Event("b", i)).AsTask() });
        var indexes = await Task.WhenAll(appends);
        await a.CheckpointNowAsync();
        var lastOfB = await b.CheckpointNowAsync();

        Assert.Equal(Enumerable.Range(0, 300).Select(i => (long)i), indexes.Order());
        Assert.Equal(300, lastOfB.Checkpoint.Size);
        var report = await LedgerVerifier.VerifyAsync(new DbLedgerStore(node.Config), NodeLedger.ReadVerifierKey(node.Config), [], CancellationToken.None);
        Assert.Null(report.Fault);
        Assert.Equal(300, report.EntriesChecked);
        Assert.True(report.CheckpointsChecked > 2, $"{report.CheckpointsChecked} checkpoints");
        var subjects = new List<string>();
        await foreach (var entry in a.Store.ReadRangeAsync(0, long.MaxValue, CancellationToken.None))
        {
            subjects.AddRange(entry.Decode().Subjects);
        }
        var expected = Enumerable.Range(0, 150).SelectMany(i => new[] { $"a-{i}", $"b-{i}" });
        Assert.Equal(expected.Order(StringComparer.Ordinal), subjects.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestNode.Providers), MemberType = typeof(TestNode))]
    public async Task A_writer_that_only_reads_catches_up_and_proves_what_the_other_appended(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        await using var writer = await NodeLedger.OpenAsync(node.Config, node.Clock);
        await using var reader = await NodeLedger.OpenAsync(node.Config, node.Clock);
        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => writer.AppendAsync(Event("w", i)).AsTask()));
        var signed = await writer.CheckpointNowAsync();

        Assert.Equal(0, reader.Sequencer.Size);
        var head = await reader.Sequencer.CatchUpAsync(CancellationToken.None);

        Assert.Equal(20, head.Size);
        Assert.Equal(signed.Checkpoint.RootHash, head.RootHash);
        Assert.True(ProofVerifier.VerifyInclusion(7, 20, writer.Sequencer.LeafHash(7), reader.Sequencer.InclusionProof(7, 20), signed.Checkpoint.RootHash).IsValid);
        // Its next entry follows the other's, and a checkpoint it signs covers both.
        Assert.Equal(20, await reader.AppendAsync(Event("r", 0)));
        Assert.Equal(21, (await reader.CheckpointNowAsync()).Checkpoint.Size);
    }
}
