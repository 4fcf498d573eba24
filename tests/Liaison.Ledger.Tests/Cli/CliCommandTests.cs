using System.CommandLine;
using Liaison.Cli.Commands;
using Liaison.Ledger.Custody;
using Liaison.Ledger.Export;
using Liaison.Ledger.Storage;

namespace Liaison.Ledger.Tests.Cli;

/// <summary>The <c>liaison audit verify</c> and <c>liaison evidence verify</c> commands, run in-process.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class CliCommandTests
{
    private static async Task<(int Exit, string Error)> RunAsync(params string[] args)
    {
        var root = new RootCommand { AuditCommands.Create(), EvidenceCommands.Create() };
        var error = new StringWriter();
        var previousError = Console.Error;
        var previousOut = Console.Out;
        Console.SetError(error);
        Console.SetOut(new StringWriter());
        try
        {
            return (await root.Parse(args).InvokeAsync(), error.ToString());
        }
        finally
        {
            Console.SetError(previousError);
            Console.SetOut(previousOut);
        }
    }

    private static async Task<(string Folder, string Key)> ExportAsync(int entries)
    {
        var store = new InMemoryLedgerStore();
        using var key = Sample.LogKey();
        using (await Sample.SignedLogAsync(store, key, entries, 8))
        {
        }
        var folder = Sample.TempFolder();
        await LedgerExport.WriteAsync(store, key.VerifierKey, [], folder, CancellationToken.None);
        return (folder, key.VerifierKey.ToString());
    }

    [Fact]
    public async Task Audit_verify_exits_zero_for_an_intact_export()
    {
        var (folder, key) = await ExportAsync(20);

        var (exit, error) = await RunAsync("audit", "verify", "--export", folder, "--key", key);

        Assert.Equal(0, exit);
        Assert.Equal("", error);
    }

    [Fact]
    public async Task Audit_verify_exits_non_zero_naming_the_first_bad_index()
    {
        var (folder, key) = await ExportAsync(20);
        var path = Path.Combine(folder, FileLedgerStore.EntriesFile);
        var lines = await File.ReadAllLinesAsync(path);
        lines[13] = lines[13].Replace("CASE-", "CASF-", StringComparison.Ordinal);
        await File.WriteAllTextAsync(path, string.Join("\n", lines) + "\n");

        var (exit, error) = await RunAsync("audit", "verify", "--export", folder, "--key", key);

        Assert.Equal(2, exit);
        Assert.Contains("first bad index 13", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Audit_verify_with_another_nodes_key_fails()
    {
        var (folder, _) = await ExportAsync(5);
        using var other = Sample.LogKey();

        var (exit, error) = await RunAsync("audit", "verify", "--export", folder, "--key", other.VerifierKey.ToString());

        Assert.Equal(2, exit);
        Assert.Contains("not valid", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evidence_verify_checks_the_hash_in_a_content_addressed_folder()
    {
        var dir = Sample.TempFolder();
        var item = await new EvidenceStore(dir).AddAsync(new MemoryStream("bank statement"u8.ToArray()), CancellationToken.None);

        var (intact, _) = await RunAsync("evidence", "verify", "--store", dir, item.Digest);
        await File.AppendAllTextAsync(new EvidenceStore(dir).PathOf(item.Digest), "!");
        var (altered, error) = await RunAsync("evidence", "verify", "--store", dir, item.Digest);

        Assert.Equal(0, intact);
        Assert.Equal(2, altered);
        Assert.Contains("NOT intact", error, StringComparison.Ordinal);
    }
}

[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;
