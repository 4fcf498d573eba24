using Microsoft.Data.Sqlite;

namespace Liaison.Cli.Tests;

/// <summary><c>liaison retention list|run</c> and <c>liaison policy check</c> on a real node folder (the clock is the system's).</summary>
[Collection("console")]
public sealed class RetentionCliTests : IDisposable
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

    private async Task<string> NodeWithOneOverdueRecordAsync()
    {
        Assert.Equal(0, (await CliRun.RunAsync("init", "--dir", _dir, "--name", "National Crime Agency", "--jurisdiction", "GB", "--node-id", "gb-nca")).Exit);
        var file = Path.Combine(_dir, "records.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"id":"r-old","schema":"Person","properties":{"name":["Long Gone"]},"liaison":{"reviewDate":"2001-01-01"}}""",
            """{"id":"r-new","schema":"Person","properties":{"name":["Still Here"]},"liaison":{"subjects":"suspect"}}""",
        ]);
        var import = await CliRun.RunAsync("import", "--dir", _dir, "--case", "C1", file);
        Assert.True(import.Exit == 0, import.Err);
        var password = Path.Combine(_dir, "password.txt");
        await File.WriteAllTextAsync(password, "correct horse battery staple");
        var user = await CliRun.RunAsync("user", "add", "--dir", _dir, "--name", "sam", "--roles", "supervisor", "--password-file", password, "--case", "C1");
        Assert.True(user.Exit == 0, user.Err);
        return file;
    }

    [Fact]
    public async Task Retention_list_shows_the_overdue_record_and_run_purges_it_and_only_it()
    {
        await NodeWithOneOverdueRecordAsync();

        var listed = await CliRun.RunAsync("retention", "list", "--dir", _dir);
        var run = await CliRun.RunAsync("retention", "run", "--dir", _dir);
        var after = await CliRun.RunAsync("retention", "list", "--dir", _dir);
        var kept = await CliRun.RunAsync("policy", "check", "--dir", _dir, "--as", "sam", "--record", "r-new", "--purpose", "criminal-investigation");

        Assert.True(listed.Exit == 0, listed.Err);
        Assert.StartsWith("1 record(s) past their review date", listed.Out, StringComparison.Ordinal);
        Assert.Contains("2001-01-01\tr-old\tC1\tPerson\t-\tpurge", listed.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Long Gone", listed.Out, StringComparison.Ordinal);
        Assert.True(run.Exit == 0, run.Err);
        Assert.Contains("purged 1 record(s)", run.Out, StringComparison.Ordinal);
        Assert.StartsWith("0 record(s) past their review date", after.Out, StringComparison.Ordinal);
        Assert.Equal(0, kept.Exit);
    }

    [Fact]
    public async Task Policy_check_prints_the_decision_and_its_rule_and_exits_non_zero_on_deny()
    {
        await NodeWithOneOverdueRecordAsync();

        var permit = await CliRun.RunAsync("policy", "check", "--dir", _dir, "--as", "sam", "--record", "r-new", "--purpose", "criminal-investigation");
        var deny = await CliRun.RunAsync("policy", "check", "--dir", _dir, "--as", "sam", "--record", "r-new");
        var hidden = await CliRun.RunAsync("policy", "check", "--dir", _dir, "--as", "sam", "--record", "r-old", "--purpose", "criminal-investigation");
        var noPeer = await CliRun.RunAsync("policy", "check", "--dir", _dir, "--as", "sam", "--record", "r-new", "--to", "us-fbi", "--purpose", "criminal-investigation");

        Assert.Equal(0, permit.Exit);
        Assert.Contains("read-record of record r-new (case C1) by sam", permit.Out, StringComparison.Ordinal);
        Assert.Contains("Permit by case-membership", permit.Out, StringComparison.Ordinal);
        Assert.Equal(3, deny.Exit);
        Assert.Contains("Deny by purpose-required", deny.Out, StringComparison.Ordinal);
        Assert.NotEqual(0, hidden.Exit);
        Assert.Contains("--record: no record 'r-old'", hidden.Err, StringComparison.Ordinal);
        Assert.NotEqual(0, noPeer.Exit);
        Assert.Contains("--to: no on-boarded peer 'us-fbi'", noPeer.Err, StringComparison.Ordinal);
    }
}
