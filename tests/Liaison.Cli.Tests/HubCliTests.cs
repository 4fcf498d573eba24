using Liaison.Storage;
using Liaison.Storage.Federation;
using Liaison.Storage.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Cli.Tests;

/// <summary><c>liaison hub status|runs|purge|forget</c> on a real node folder holding linkage runs (the clock is the system's).</summary>
[Collection("console")]
public sealed class HubCliTests : IDisposable
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

    /// <summary>A hub holding a linked run, a run waiting for nl-politie, and a run expired an hour ago.</summary>
    private async Task HubWithThreeRunsAsync()
    {
        Assert.Equal(0, (await CliRun.RunAsync("init", "--dir", _dir, "--name", "Linkage hub", "--jurisdiction", "NL", "--node-id", "eu-hub")).Exit);
        var node = await NodeDirectory.OpenAndMigrateAsync(_dir);
        var now = DateTimeOffset.UtcNow;
        await using var db = LiaisonDbFactory.Create(node);
        foreach (var (run, opened, expires, linked) in new[] { ("linked-run", now.AddHours(-2), now.AddHours(70), (DateTimeOffset?)now.AddHours(-1)), ("open-run", now.AddHours(-1), now.AddHours(71), null), ("old-run", now.AddHours(-73), now.AddHours(-1), null) })
        {
            db.LinkageRuns().Add(new LinkageRunRow { Run = run, Participants = "gb-nca,nl-politie", SchemaFingerprint = "febrl-person-v1", FilterBits = 1024, OpenedAt = opened, ExpiresAt = expires, LinkedAt = linked });
        }
        db.LinkageUploads().AddRange(
            new LinkageUploadRow { Run = "linked-run", Participant = "gb-nca", ClkCount = 300, UploadedAt = now.AddHours(-2) },
            new LinkageUploadRow { Run = "linked-run", Participant = "nl-politie", ClkCount = 400, UploadedAt = now.AddHours(-1) },
            new LinkageUploadRow { Run = "open-run", Participant = "gb-nca", ClkCount = 25, UploadedAt = now.AddHours(-1), Clks = [1, 2, 3] },
            new LinkageUploadRow { Run = "old-run", Participant = "gb-nca", ClkCount = 9, UploadedAt = now.AddHours(-73), Clks = [4] });
        db.LinkageResults().Add(new LinkageResultRow
        {
            Run = "linked-run", PartyA = "gb-nca", PartyB = "nl-politie", LinkCount = 265, Comparisons = 9_784, CandidatePairs = 270, LinkedAt = now.AddHours(-1),
            Links = "rec-1070-org"u8.ToArray(),
        });
        await db.SaveChangesAsync();
    }

    private long Journalled(string action)
    {
        using var db = new SqliteConnection($"Data Source={Path.Combine(_dir, "liaison.db")}");
        db.Open();
        using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT COUNT(*) FROM ledger_entries WHERE CAST(Payload AS TEXT) LIKE $action";
        cmd.Parameters.AddWithValue("$action", "%\"" + action + "\"%");
        return (long)cmd.ExecuteScalar()!;
    }

    [Fact]
    public async Task Hub_runs_lists_each_run_with_its_state_participants_and_counts_and_no_record_reference()
    {
        await HubWithThreeRunsAsync();

        var runs = await CliRun.RunAsync("hub", "runs", "--dir", _dir);
        var status = await CliRun.RunAsync("hub", "status", "--dir", _dir);

        Assert.True(runs.Exit == 0, runs.Err);
        Assert.Contains("linked-run\tlinked\t", runs.Out, StringComparison.Ordinal);
        Assert.Contains("\tgb-nca:300 nl-politie:400\t265\t9784", runs.Out, StringComparison.Ordinal);
        Assert.Contains("\tgb-nca:25 nl-politie:-\t0\t0", runs.Out, StringComparison.Ordinal);
        Assert.Contains("old-run\texpired\t", runs.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("rec-", runs.Out + status.Out, StringComparison.Ordinal);
        Assert.True(status.Exit == 0, status.Err);
        Assert.Contains("runs: 3 (1 open, 1 linked, 1 expired awaiting clean-up) with 2 participant node(s)", status.Out, StringComparison.Ordinal);
        Assert.Contains("CLKs held: 34 in 2 upload(s)", status.Out, StringComparison.Ordinal);
        Assert.Contains("links stored: 265", status.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hub_purge_deletes_only_the_expired_run_and_hub_forget_deletes_the_named_one_both_journalled()
    {
        await HubWithThreeRunsAsync();

        var purge = await CliRun.RunAsync("hub", "purge", "--dir", _dir);
        var forget = await CliRun.RunAsync("hub", "forget", "--dir", _dir, "open-run");
        var unknown = await CliRun.RunAsync("hub", "forget", "--dir", _dir, "no-such-run");

        Assert.True(purge.Exit == 0, purge.Err);
        Assert.Contains("deleted 1 expired run(s)", purge.Out, StringComparison.Ordinal);
        Assert.True(forget.Exit == 0, forget.Err);
        Assert.NotEqual(0, unknown.Exit);
        Assert.Contains("no run 'no-such-run'", unknown.Err, StringComparison.Ordinal);
        await using var db = LiaisonDbFactory.Create(await NodeDirectory.OpenAndMigrateAsync(_dir));
        Assert.Equal(["linked-run"], await db.LinkageRuns().Select(r => r.Run).ToListAsync());
        Assert.Equal(["linked-run", "linked-run"], await db.LinkageUploads().Select(u => u.Run).ToListAsync());
        Assert.Equal((1, 1), (Journalled("admin.hub.purge"), Journalled("admin.hub.forget")));
    }
}
