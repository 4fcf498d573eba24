using System.CommandLine;
using Liaison.Ledger.Custody;
using Liaison.Ledger.Export;
using Liaison.Ledger.Notes;
using Liaison.Ledger.Storage;
using Liaison.Storage.Evidence;
using Liaison.Storage.Ledger;
using Liaison.Storage.Nodes;

namespace Liaison.Cli.Commands;

/// <summary>
/// <c>liaison evidence verify --dir D ITEM</c> (a node's folder) or <c>--store DIR [--ledger F [--key VKEY]] ITEM</c>: proves an evidence item —
/// its bytes still hash to its SHA-256 name in the content-addressed folder and, with a ledger export,
/// its chain of custody is journalled, signed for and sound. Exit 0 proven, 2 not.
/// </summary>
internal static class EvidenceCommands
{
    public static Command Create()
    {
        var dir = new Option<string?>("--dir", "-d") { Description = "a node's data folder: its evidence store and the custody trail in its database ledger" };
        var store = new Option<DirectoryInfo?>("--store") { Description = "a content-addressed evidence folder (with --ledger for an exported ledger)" };
        var ledger = new Option<DirectoryInfo?>("--ledger") { Description = "an exported ledger folder holding the custody trail" };
        var key = new Option<string?>("--key") { Description = "the node's verifier key; defaults to the ledger folder's log.vkey" };
        var item = new Argument<string>("item") { Description = "the evidence id: sha256:HEX (or bare hex)" };
        var verify = new Command("verify", "Check an evidence file's hash and its chain of custody") { dir, store, ledger, key, item };
        verify.SetAction((parse, cancellationToken) => CliRunner.Run(async () =>
        {
            var digest = EvidenceDigest.Normalise(parse.GetValue(item)!);
            if (parse.GetValue(dir) is { } nodeDir)
            {
                var node = await NodeDirectory.OpenAndMigrateAsync(nodeDir, cancellationToken);
                var nodeKey = parse.GetValue(key) is { } nk ? NoteVerifierKey.Parse(nk) : NodeLedger.ReadVerifierKey(node);
                return Report(await EvidenceVerifier.VerifyAsync(new EvidenceStore(EvidenceLocker.FolderOf(node)), digest, new DbLedgerStore(node), nodeKey,
                    cancellationToken));
            }
            if (parse.GetValue(store) is not { } storeDir)
            {
                throw new CliFailure("give --dir NODE_FOLDER, or --store EVIDENCE_FOLDER [--ledger EXPORT_FOLDER]");
            }
            var evidence = new EvidenceStore(storeDir.FullName);
            ILedgerStore? ledgerStore = null;
            NoteVerifierKey? logKey = null;
            if (parse.GetValue(ledger) is { } folder)
            {
                ledgerStore = FileLedgerStore.Open(folder.FullName);
                logKey = parse.GetValue(key) is { } k ? NoteVerifierKey.Parse(k) : LedgerExport.ReadLogKey(folder.FullName);
            }
            var report = await EvidenceVerifier.VerifyAsync(evidence, digest, ledgerStore, logKey, cancellationToken);
            return Report(report);
        }));
        return new Command("evidence", "Content-addressed evidence and its chain of custody") { verify };
    }

    private static int Report(EvidenceReport report)
    {
        var hash = report.Hash;
        if (report.IsPurged)
        {
            var (index, step) = report.Trail!.Purge!.Value;
            Console.WriteLine($"evidence {hash.Digest}: purged under the retention schedule (entry {index}, {step.Time:u}, by {step.Actor}); not missing");
            foreach (var (i, s) in report.Trail.Steps)
            {
                Console.WriteLine($"  entry {i}: {s.Time:u} {s.Action.WireName()} by {s.Actor}");
            }
            Console.WriteLine($"custody trail sound: {report.Trail.Steps.Count} steps, all covered by signed checkpoints");
            return 0;
        }
        if (!hash.Exists)
        {
            throw new CliFailure($"evidence {hash.Digest} is not in the store", exitCode: 2);
        }
        if (!hash.IsIntact)
        {
            throw new CliFailure($"evidence {hash.Digest} is NOT intact: its bytes now hash to {hash.ActualDigest}", exitCode: 2);
        }
        Console.WriteLine($"evidence {hash.Digest}: {hash.Length} bytes, hash intact");
        if (report.Ledger is null)
        {
            return 0;
        }
        if (report.Ledger.Fault is { } fault)
        {
            throw new CliFailure($"the ledger holding the custody trail is NOT intact: {fault}", exitCode: 2);
        }
        foreach (var (index, step) in report.Trail!.Steps)
        {
            var with = step.Counterparty is null ? "" : $" ({step.Counterparty})";
            Console.WriteLine($"  entry {index}: {step.Time:u} {step.Action.WireName()}{with} by {step.Actor}");
        }
        if (report.TrailProblems.Count > 0)
        {
            throw new CliFailure($"custody trail of {hash.Digest} is NOT sound: {string.Join("; ", report.TrailProblems)}", exitCode: 2);
        }
        Console.WriteLine($"custody trail sound: {report.Trail.Steps.Count} steps, all covered by signed checkpoints");
        return 0;
    }
}
