using System.CommandLine;
using Liaison.Ledger.Export;
using Liaison.Ledger.Notes;
using Liaison.Ledger.Storage;
using Liaison.Ledger.Verification;
using Liaison.Storage.Ledger;
using Liaison.Storage.Nodes;

namespace Liaison.Cli.Commands;

/// <summary>
/// <c>liaison audit verify --export F [--key VKEY]</c>: verifies an exported ledger folder without any
/// database. Exit 0 when intact, 2 naming the first bad entry otherwise. The verification itself takes an
/// <see cref="ILedgerStore"/>, so a <c>--dir</c> form backed by the node database plugs into
/// <see cref="VerifyAsync"/> unchanged.
/// </summary>
internal static class AuditCommands
{
    public static Command Create()
    {
        var export = new Option<DirectoryInfo?>("--export") { Description = "an exported ledger folder (entries.log, checkpoints/, log.vkey)" };
        var dir = new Option<string?>("--dir", "-d") { Description = "a node's data folder: verify its database ledger" };
        var key = new Option<string?>("--key") { Description = "the node's verifier key (name+id+key), obtained out of band; defaults to the folder's log.vkey" };
        var verify = new Command("verify", "Recompute the ledger's Merkle tree and check every checkpoint, entry and cosignature") { export, dir, key };
        verify.SetAction((parse, cancellationToken) => CliRunner.Run(async () =>
        {
            if (parse.GetValue(dir) is { } nodeDir)
            {
                var node = await NodeDirectory.OpenAndMigrateAsync(nodeDir, cancellationToken);
                var store = new DbLedgerStore(node);
                var nodeKey = parse.GetValue(key) is { } nk ? NoteVerifierKey.Parse(nk) : NodeLedger.ReadVerifierKey(node);
                return Report(await VerifyAsync(store, nodeKey, [], cancellationToken), nodeKey);
            }
            if (parse.GetValue(export) is null)
            {
                throw new CliFailure("give --dir NODE_FOLDER or --export EXPORT_FOLDER");
            }
            var folder = parse.GetValue(export)!.FullName;
            if (!Directory.Exists(folder))
            {
                throw new CliFailure($"no export folder at '{folder}'");
            }
            var pinned = parse.GetValue(key) is { } k ? NoteVerifierKey.Parse(k) : null;
            var logKey = pinned ?? LedgerExport.ReadLogKey(folder);
            if (pinned is null)
            {
                await Console.Error.WriteLineAsync("liaison: warning: using the folder's own log.vkey; pass --key with the node's published key to prove who wrote it");
            }
            else if (File.Exists(Path.Combine(folder, LedgerExport.LogKeyFile)) && pinned.ToString() != LedgerExport.ReadLogKey(folder).ToString())
            {
                await Console.Error.WriteLineAsync("liaison: warning: the folder's log.vkey differs from --key; verifying against --key");
            }
            var witnesses = ReadWitnessKeys(folder);
            var report = await VerifyAsync(FileLedgerStore.Open(folder), logKey, witnesses, cancellationToken);
            return Report(report, logKey);
        }));

        var exportDir = CommonOptions.Dir();
        var output = new Option<string>("--output", "-o") { Description = "folder to write the self-contained export into", Required = true };
        var exportCommand = new Command("export", "Write the ledger (entries, checkpoints, public key, README) for an oversight body") { exportDir, output };
        exportCommand.SetAction((parse, cancellationToken) => CliRunner.Run(async () =>
        {
            var node = await NodeDirectory.OpenAndMigrateAsync(parse.GetValue(exportDir)!, cancellationToken);
            var target = parse.GetValue(output)!;
            if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            {
                throw new CliFailure($"'{target}' exists and is not empty");
            }
            var store = new DbLedgerStore(node);
            await LedgerExport.WriteAsync(store, NodeLedger.ReadVerifierKey(node), [], target, cancellationToken);
            Console.WriteLine($"ledger of {node.NodeId} exported to {target} ({await store.GetSizeAsync(cancellationToken)} entries); verify with: liaison audit verify --export {target} --key '{NodeLedger.ReadVerifierKey(node)}'");
            return 0;
        }));

        return new Command("audit", "Verify and export the tamper-evident audit ledger") { verify, exportCommand };
    }

    /// <summary>Verifies any ledger store (export folder today, the node database for <c>--dir</c>).</summary>
    public static Task<LedgerVerificationReport> VerifyAsync(ILedgerStore store, NoteVerifierKey logKey, IReadOnlyCollection<NoteVerifierKey> witnesses, CancellationToken cancellationToken) =>
        LedgerVerifier.VerifyAsync(store, logKey, witnesses, cancellationToken);

    /// <summary>Prints the outcome and returns the exit code: 0 intact, 2 not intact (the failure line names the entry).</summary>
    public static int Report(LedgerVerificationReport report, NoteVerifierKey logKey)
    {
        if (report.Fault is { } fault)
        {
            var where = fault.Index is { } i ? $"first bad index {i}: " : "";
            throw new CliFailure($"ledger of {logKey.Name} is NOT intact: {where}{fault.Message}", exitCode: 2);
        }
        Console.WriteLine($"ledger of {logKey.Name} is intact: {report.EntriesChecked} entries, {report.CheckpointsChecked} signed checkpoints " +
                          $"(latest covers {report.CheckpointedSize} entries), {report.CosignaturesChecked} witness cosignatures verified");
        if (report.EntriesChecked > report.CheckpointedSize)
        {
            Console.WriteLine($"note: the last {report.EntriesChecked - report.CheckpointedSize} entries are not yet covered by a signed checkpoint");
        }
        return 0;
    }

    private static List<NoteVerifierKey> ReadWitnessKeys(string folder)
    {
        var path = Path.Combine(folder, LedgerExport.WitnessKeysFile);
        return File.Exists(path) ? [.. File.ReadAllLines(path).Where(l => l.Length > 0).Select(NoteVerifierKey.Parse)] : [];
    }
}
