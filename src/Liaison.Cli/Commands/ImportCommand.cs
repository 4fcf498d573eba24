using System.CommandLine;
using Liaison.Interchange.Csv;
using Liaison.Storage.Import;
using Liaison.Storage.Nodes;
using Spectre.Console;

namespace Liaison.Cli.Commands;

/// <summary><c>liaison import --dir D [--case C] FILE…</c>: all-or-nothing per file unless --skip-invalid.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var dir = CommonOptions.Dir();
        var caseId = CommonOptions.Case();
        var files = new Argument<string[]>("files") { Description = "FtM .jsonl, STIX .json, CSV (entities with --map, edge list, call-detail records)", Arity = ArgumentArity.OneOrMore };
        var skip = new Option<bool>("--skip-invalid") { Description = "keep going past bad rows and write a rejects report" };
        var force = new Option<bool>("--force") { Description = "import a file this case already imported" };
        var format = new Option<string?>("--format") { Description = "ftm, stix, csv, edges or cdr (default: detected)" };
        var map = new Option<string?>("--map") { Description = "column mapping for entity CSV, e.g. schema=Person,id=rec_id,surname=lastName" };
        var command = new Command("import", "Import files into a case") { dir, caseId, files, skip, force, format, map };
        command.SetAction((parse, ct) => CliRunner.Run(async () =>
        {
            var node = await NodeDirectory.OpenAndMigrateAsync(parse.GetValue(dir)!, ct);
            var service = new ImportService(node, TimeProvider.System);
            var mapping = parse.GetValue(map) is { } m ? ColumnMapping.Parse(m) : null;
            foreach (var file in parse.GetValue(files)!)
            {
                var options = new ImportOptions
                {
                    CaseId = parse.GetValue(caseId) ?? ImportOptions.DefaultCase,
                    // Without --case, records keep the case their file names (the operator restoring an export).
                    AllowFileCases = parse.GetValue(caseId) is null,
                    ImportedBy = CommonOptions.Operator,
                    SkipInvalid = parse.GetValue(skip),
                    Force = parse.GetValue(force),
                    Format = parse.GetValue(format),
                    Mapping = mapping,
                };
                var result = await WithProgress(file, options, o => service.ImportFileAsync(file, o, ct));
                await CliJournal.RecordAsync(node, "admin.import", options.CaseId, new Dictionary<string, string>
                {
                    ["file"] = result.File, ["format"] = result.Format, ["import"] = result.ImportId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["accepted"] = result.Accepted.ToString(System.Globalization.CultureInfo.InvariantCulture), ["rejected"] = result.Rejected.ToString(System.Globalization.CultureInfo.InvariantCulture),
                }, ct);
                Console.WriteLine($"{result.File}: {result.Accepted} {(result.Format == "cdr" ? "call records" : "records")} imported into case '{options.CaseId}' (import #{result.ImportId}, {result.Format})"
                    + (result.Rejected > 0 ? $"; {result.Rejected} rejected, see {result.RejectsReport}" : ""));
            }
            return 0;
        }));
        return command;
    }

    /// <summary>A progress bar when attached to a terminal and the file is big enough to wait for.</summary>
    private static async Task<ImportResult> WithProgress(string file, ImportOptions options, Func<ImportOptions, Task<ImportResult>> run)
    {
        if (Console.IsErrorRedirected || !File.Exists(file) || new FileInfo(file).Length < 4 * 1024 * 1024)
        {
            return await run(options);
        }
        ImportResult? result = null;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        await console.Progress().StartAsync(async ctx =>
        {
            var task = ctx.AddTask(Path.GetFileName(file), maxValue: new FileInfo(file).Length);
            result = await run(options with { Progress = (done, total) => task.Value = Math.Min(done, total) });
            task.Value = task.MaxValue;
        });
        return result!;
    }
}
