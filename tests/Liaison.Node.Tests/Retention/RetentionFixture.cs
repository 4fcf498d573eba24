using System.Text;
using Liaison.Node.Audit;
using Liaison.Node.Policy;
using Liaison.Node.Retention;
using Liaison.Storage;
using Liaison.Storage.Import;
using Liaison.Storage.Ledger;
using Liaison.Storage.Tests;
using Microsoft.Extensions.Time.Testing;

namespace Liaison.Node.Tests.Retention;

/// <summary>
/// A node on SQLite or PostgreSQL with a fake clock at 2026-11-20 and records whose review dates fall
/// before, on and after the days the tests move the clock to.
/// </summary>
internal sealed class RetentionFixture : IAsyncDisposable
{
    private RetentionFixture(TestNode node, NodeLedger ledger)
    {
        Node = node;
        Ledger = ledger;
    }

    public TestNode Node { get; }
    public NodeLedger Ledger { get; }

    /// <summary>The only record reviewed before December 2026.</summary>
    public const string Overdue = "r-overdue";
    public const string OverduePhone = "+44 7911 123451";

    public static readonly string[] Untouched = ["r-kept", "r-minor", "r-suspect"];

    public static async Task<RetentionFixture> CreateAsync(string provider)
    {
        var node = await TestNode.CreateAsync(provider);
        var lines = string.Join('\n',
            """{"id":"r-overdue","schema":"Person","properties":{"name":["Overdue Witness"],"phone":["+44 7911 123451"]},"liaison":{"subjects":"witness","reviewDate":"2026-11-30"}}""",
            """{"id":"r-kept","schema":"Person","properties":{"name":["Kept Suspect"],"phone":["+44 7911 123452"]},"liaison":{"subjects":"suspect","reviewDate":"2028-01-01"}}""",
            """{"id":"r-minor","schema":"Person","properties":{"name":["Young Contact"],"phone":["+44 7911 123453"]},"liaison":{"subjects":"minor"}}""",
            """{"id":"r-suspect","schema":"Person","properties":{"name":["Plain Suspect"],"phone":["+44 7911 123454"]},"liaison":{"subjects":"suspect"}}""") + "\n";
        await new ImportService(node.Config, node.Clock).ImportAsync(() => new MemoryStream(Encoding.UTF8.GetBytes(lines)), "retention.jsonl",
            new ImportOptions { ImportedBy = "test", CaseId = "C1" });
        // The ledger checkpoints on a one-second timer; on the node's fake clock, moving a month would fire it
        // millions of times, so it keeps a clock of its own that the tests never move.
        return new RetentionFixture(node, await NodeLedger.OpenAsync(node.Config, new FakeTimeProvider(node.Clock.GetUtcNow())));
    }

    public RetentionPass Pass(LiaisonDb db, IRecordWithdrawals? withdrawals = null) =>
        new(db, new AuditJournal(db, Ledger, Node.Clock), NodePolicy.Load(Node.Config), Node.Clock, withdrawals);

    public async ValueTask DisposeAsync()
    {
        await Ledger.DisposeAsync();
        await Node.DisposeAsync();
    }
}

/// <summary>An outbox that knows one recipient per record, as the exchange's share register would.</summary>
internal sealed class RecordingWithdrawals(string recipient) : IRecordWithdrawals
{
    public List<PurgedRecord> Announced { get; } = [];

    public Task<IReadOnlyList<QueuedWithdrawal>> WithdrawAsync(IReadOnlyList<PurgedRecord> records, CancellationToken ct)
    {
        Announced.AddRange(records);
        return Task.FromResult<IReadOnlyList<QueuedWithdrawal>>(records.Select(r => new QueuedWithdrawal(r.RecordId, recipient)).ToList());
    }
}
