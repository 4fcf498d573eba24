using System.Text;
using Liaison.Ledger.Custody;
using Liaison.Storage.Evidence;
using Liaison.Storage.Ledger;
using Liaison.Storage.Nodes;
using Microsoft.Data.Sqlite;

namespace Liaison.Cli.Tests;

/// <summary><c>liaison evidence verify --dir D ITEM</c> against a node whose evidence locker journalled a custody trail.</summary>
[Collection("console")]
public sealed class EvidenceCliTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "liaison-cli-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    /// <summary>A node with one evidence file: collected, transferred to a lab, received back, accessed; checkpointed.</summary>
    private async Task<(NodeConfig Node, string Digest)> NodeWithEvidenceAsync()
    {
        var (exit, _, err) = await CliRun.RunAsync("init", "--dir", _dir, "--name", "National Crime Agency", "--jurisdiction", "GB", "--node-id", "gb-nca");
        Assert.True(exit == 0, err);
        var node = await NodeDirectory.OpenAndMigrateAsync(_dir);
        await using var ledger = await NodeLedger.OpenAsync(node, TimeProvider.System);
        using var locker = new EvidenceLocker(node, ledger, TimeProvider.System);
        var item = await locker.AddAsync(new EvidenceIntake { CaseId = "GB-OP-1", Actor = "ana", FileName = "phone-dump.bin", Purpose = "criminal-investigation" },
            new MemoryStream(Encoding.UTF8.GetBytes("extraction of handset 1")));
        await locker.RecordAsync(new CustodyEvent { Item = item.Digest, Case = "GB-OP-1", Action = CustodyAction.TransferredTo, Actor = "ana", Counterparty = "forensic lab", Time = default });
        await locker.RecordAsync(new CustodyEvent { Item = item.Digest, Case = "GB-OP-1", Action = CustodyAction.ReceivedFrom, Actor = "ana", Counterparty = "forensic lab", Time = default });
        (await locker.OpenAsync("GB-OP-1", item.Digest, "bob", "criminal-investigation")).Content.Dispose();
        await ledger.CheckpointNowAsync();
        return (node, item.Digest);
    }

    [Fact]
    public async Task Evidence_verify_proves_the_hash_and_the_custody_trail_from_the_nodes_ledger()
    {
        var (_, digest) = await NodeWithEvidenceAsync();

        var (exit, output, err) = await CliRun.RunAsync("evidence", "verify", "--dir", _dir, digest);

        Assert.True(exit == 0, err);
        Assert.Contains("hash intact", output, StringComparison.Ordinal);
        Assert.Contains("custody trail sound: 4 steps", output, StringComparison.Ordinal);
        Assert.Contains("transferred-to (forensic lab)", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_verify_fails_naming_the_file_when_its_bytes_were_altered()
    {
        var (node, digest) = await NodeWithEvidenceAsync();
        await File.AppendAllTextAsync(new EvidenceStore(EvidenceLocker.FolderOf(node)).PathOf(digest), "!");

        var (exit, _, err) = await CliRun.RunAsync("evidence", "verify", "--dir", _dir, digest);

        Assert.Equal(2, exit);
        Assert.Contains($"evidence {digest} is NOT intact", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_verify_fails_naming_the_entry_when_a_custody_step_was_rewritten_in_the_database()
    {
        var (node, digest) = await NodeWithEvidenceAsync();
        await using (var connection = new SqliteConnection($"Data Source={node.SqlitePath}"))
        {
            await connection.OpenAsync();
            await using var edit = connection.CreateCommand();
            // The transfer to the lab becomes a transfer to someone else.
            edit.CommandText = "UPDATE ledger_entries SET Payload = CAST(REPLACE(CAST(Payload AS TEXT), 'forensic lab', 'forensic lad') AS BLOB) WHERE CAST(Payload AS TEXT) LIKE '%transferred-to%'";
            Assert.Equal(1, await edit.ExecuteNonQueryAsync());
        }

        var (exit, _, err) = await CliRun.RunAsync("evidence", "verify", "--dir", _dir, digest);

        Assert.Equal(2, exit);
        Assert.Contains("the ledger holding the custody trail is NOT intact", err, StringComparison.Ordinal);
        Assert.Matches("entry [0-9]+", err);
    }

    [Fact]
    public async Task Evidence_verify_fails_when_the_trail_breaks_the_chain_rules()
    {
        var (exit0, _, err0) = await CliRun.RunAsync("init", "--dir", _dir, "--name", "National Crime Agency", "--jurisdiction", "GB", "--node-id", "gb-nca");
        Assert.True(exit0 == 0, err0);
        var node = await NodeDirectory.OpenAndMigrateAsync(_dir);
        string digest;
        await using (var ledger = await NodeLedger.OpenAsync(node, TimeProvider.System))
        {
            var item = await new EvidenceStore(EvidenceLocker.FolderOf(node)).AddAsync(new MemoryStream([1, 2, 3]), CancellationToken.None);
            digest = item.Digest;
            // Journalled behind the locker's back: accessed without ever being collected.
            await ledger.AppendAsync(new CustodyEvent { Item = digest, Action = CustodyAction.Accessed, Actor = "eve", Time = DateTimeOffset.UnixEpoch }.ToLedgerEvent());
            await ledger.CheckpointNowAsync();
        }

        var (exit, _, err) = await CliRun.RunAsync("evidence", "verify", "--dir", _dir, digest);

        Assert.Equal(2, exit);
        Assert.Contains("custody trail of " + digest + " is NOT sound", err, StringComparison.Ordinal);
        Assert.Contains("the item was not in custody", err, StringComparison.Ordinal);
    }
}
