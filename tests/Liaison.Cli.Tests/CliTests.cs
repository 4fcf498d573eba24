using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Liaison.Cli.Tests;

[Collection("console")]
public sealed class CliTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "liaison-cli-" + Guid.NewGuid().ToString("N"));
    private static readonly string Samples = Path.Combine(AppContext.BaseDirectory, "samples", "gb-nca");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private async Task InitAsync()
    {
        var (exit, _, err) = await CliRun.RunAsync("init", "--dir", _dir, "--name", "National Crime Agency", "--jurisdiction", "GB", "--node-id", "gb-nca");
        Assert.True(exit == 0, err);
    }

    [Fact]
    public async Task Init_import_and_stats_json_print_one_object_with_counts_per_type()
    {
        await InitAsync();
        var import = await CliRun.RunAsync("import", "--dir", _dir, "--case", "GB-OP-NIGHTJAR", Path.Combine(Samples, "case.ftm.jsonl"), Path.Combine(Samples, "cdr.csv"));
        Assert.True(import.Exit == 0, import.Err);

        var (exit, output, _) = await CliRun.RunAsync("stats", "--dir", _dir, "--json");

        Assert.Equal(0, exit);
        var stats = JsonDocument.Parse(output).RootElement;
        Assert.Equal(116, stats.GetProperty("records").GetInt32());
        Assert.Equal(32, stats.GetProperty("bySchema").GetProperty("Person").GetInt32());
        Assert.Equal(2000, stats.GetProperty("callRecords").GetInt32());
    }

    [Fact]
    public async Task A_bad_file_fails_with_one_line_on_stderr_naming_file_line_and_field()
    {
        await InitAsync();
        var bad = Path.Combine(_dir, "bad.jsonl");
        await File.WriteAllTextAsync(bad, "{\"id\":\"p1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"A\"]}}\n{\"id\":\"p2\",\"schema\":\"Person\",\"properties\":{\"phone\":[\"12\"]}}\n");

        var (exit, _, err) = await CliRun.RunAsync("import", "--dir", _dir, bad);

        Assert.Equal(1, exit);
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("liaison: bad.jsonl:2: record 'p2', field 'phone':", line, StringComparison.Ordinal);
        var stats = JsonDocument.Parse((await CliRun.RunAsync("stats", "--dir", _dir, "--json")).Out).RootElement;
        Assert.Equal(0, stats.GetProperty("records").GetInt32());
    }

    [Fact]
    public async Task Audit_verify_passes_then_names_the_entry_changed_behind_the_nodes_back()
    {
        await InitAsync();
        await CliRun.RunAsync("import", "--dir", _dir, "--case", "C1", Path.Combine(Samples, "cdr.csv"));
        Assert.Equal(0, (await CliRun.RunAsync("audit", "verify", "--dir", _dir)).Exit);

        using (var db = new SqliteConnection($"Data Source={Path.Combine(_dir, "liaison.db")}"))
        {
            db.Open();
            using var cmd = db.CreateCommand();
            cmd.CommandText = "UPDATE ledger_entries SET Payload = X'00' || substr(Payload, 2) WHERE \"Index\" = 1";
            Assert.Equal(1, cmd.ExecuteNonQuery());
        }

        var (exit, _, err) = await CliRun.RunAsync("audit", "verify", "--dir", _dir);
        Assert.Equal(2, exit);
        Assert.Contains("first bad index 1", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_export_verifies_without_the_database()
    {
        await InitAsync();
        var export = Path.Combine(_dir, "export");
        Assert.Equal(0, (await CliRun.RunAsync("audit", "export", "--dir", _dir, "-o", export)).Exit);
        var key = (await File.ReadAllTextAsync(Path.Combine(_dir, "keys", "ledger.vkey"))).Trim();

        var (exit, output, err) = await CliRun.RunAsync("audit", "verify", "--export", export, "--key", key);

        Assert.True(exit == 0, err);
        Assert.Contains("is intact", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("phone", "12")]
    [InlineData("iban", "GB00WEST12345698765432")]
    public async Task Normalise_refuses_invalid_identifiers_with_exit_1(string kind, string value)
    {
        var (exit, _, err) = await CliRun.RunAsync("normalise", kind, value);
        Assert.Equal(1, exit);
        Assert.StartsWith("liaison: the " + kind, err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_on_a_folder_that_is_not_a_node_says_so()
    {
        var (exit, _, err) = await CliRun.RunAsync("stats", "--dir", _dir);
        Assert.Equal(1, exit);
        Assert.Contains("is not a node folder", err, StringComparison.Ordinal);
    }
}
