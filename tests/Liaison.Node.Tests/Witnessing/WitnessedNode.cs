using Liaison.Exchange.Identity;
using Liaison.Ledger.Entries;
using Liaison.Ledger.Merkle;
using Liaison.Node.Tests.Federation;
using Liaison.Node.Witnessing;
using Liaison.Storage.Ledger;
using Liaison.Storage.Witnessing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Liaison.Node.Tests.Witnessing;

/// <summary>
/// A live node on 127.0.0.1 for witnessing tests that can be stopped, tampered with through SQL, and
/// started again on the same folder and port (as an operator rewriting the log would).
/// </summary>
public sealed class WitnessedNode : IAsyncDisposable
{
    private WebApplication? _app;

    private WitnessedNode(FederatedNode node) => Node = node;

    public FederatedNode Node { get; }
    public string NodeId => Node.NodeId;
    public IServiceProvider Services => _app!.Services;
    public NodeLedger Ledger => Services.GetRequiredService<NodeLedger>();

    public static async Task<WitnessedNode> CreateAsync(string nodeId, string jurisdiction, FakeTimeProvider clock) =>
        new(await FederatedNode.CreateAsync(nodeId, "Agency " + nodeId, jurisdiction, clock));

    public async Task StartAsync()
    {
        _app = NodeHost.Build(Node.Config, [Node.Endpoint.AbsoluteUri.TrimEnd('/')], b =>
        {
            b.Services.AddSingleton<TimeProvider>(Node.Clock);
            b.Services.AddSingleton(new KeyPassphrase(FederatedNode.Passphrase));
        });
        await _app.StartAsync();
    }

    public async Task StopAsync()
    {
        await _app!.StopAsync();
        await _app.DisposeAsync();
        _app = null;
        SqliteConnection.ClearAllPools();
    }

    /// <summary>Journals <paramref name="count"/> events and signs a checkpoint over them.</summary>
    public async Task JournalAsync(int count, string actor = "user:ana")
    {
        for (var i = 0; i < count; i++)
        {
            await Ledger.AppendAsync(new LedgerEvent { Type = LedgerEventType.Read, Actor = actor, Case = "C-1", Purpose = "criminal-investigation", Time = Node.Clock.GetUtcNow() });
        }
        await Ledger.CheckpointNowAsync();
    }

    public Task<IReadOnlyList<CosignatureRound.Outcome>> WitnessRoundAsync() => Services.GetRequiredService<CosignatureRound>().RunOnceAsync(CancellationToken.None);

    public Task<CosignedCheckpoint?> CosignedCheckpointAsync() => CosignedCheckpoint.LatestAsync(Ledger, CancellationToken.None);

    public Task<IReadOnlyList<WitnessAlertRow>> AlertsAsync() => new WitnessAlerts(Node.Config).LatestAsync(10, CancellationToken.None);

    /// <summary>
    /// With the node stopped: rewrites entry <paramref name="index"/> (new bytes, a matching leaf hash),
    /// and deletes every checkpoint and cosignature — a log rewritten so that it verifies on its own.
    /// </summary>
    public async Task ForkAsync(long index)
    {
        var forged = CanonicalEntryEncoding.Encode(new LedgerEvent
        {
            Type = LedgerEventType.Read, Actor = "user:someone-else", Case = "C-1", Purpose = "criminal-investigation", Time = Node.Clock.GetUtcNow(),
        });
        await using var db = Node.Db();
        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE ledger_entries SET \"Payload\" = {forged}, \"LeafHash\" = {MerkleHash.Leaf(forged)} WHERE \"Index\" = {index}");
        await db.Database.ExecuteSqlRawAsync("DELETE FROM ledger_checkpoints; DELETE FROM ledger_cosignatures;");
    }

    /// <summary>With the node stopped: deletes every entry from <paramref name="from"/> on, and every checkpoint.</summary>
    public async Task TruncateAsync(long from)
    {
        await using var db = Node.Db();
        await db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM ledger_entries WHERE \"Index\" >= {from}");
        await db.Database.ExecuteSqlRawAsync("DELETE FROM ledger_checkpoints; DELETE FROM ledger_cosignatures;");
    }

    public static async Task TrustEachOtherAsync(params WitnessedNode[] nodes)
    {
        foreach (var a in nodes)
        {
            foreach (var b in nodes.Where(b => b != a))
            {
                await a.Node.TrustAsync(b.Node);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await StopAsync();
        }
        await Node.DisposeAsync();
    }
}
