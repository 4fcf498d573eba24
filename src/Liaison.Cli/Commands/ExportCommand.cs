using System.CommandLine;
using Liaison.Storage;
using Liaison.Storage.Export;
using Liaison.Storage.Nodes;

namespace Liaison.Cli.Commands;

/// <summary><c>liaison export --dir D --format ftm [--case C] [-o FILE]</c>: FollowTheMoney JSON lines to stdout or a file.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var dir = CommonOptions.Dir();
        var caseId = CommonOptions.Case();
        var format = new Option<string>("--format") { Description = "export format (ftm)", DefaultValueFactory = _ => "ftm" };
        var output = new Option<string?>("--output", "-o") { Description = "file to write (default: standard output)" };
        var command = new Command("export", "Export records as FollowTheMoney JSON lines") { dir, caseId, format, output };
        command.SetAction((parse, ct) => CliRunner.Run(async () =>
        {
            if (parse.GetValue(format) != "ftm")
            {
                throw new CliFailure($"unknown export format '{parse.GetValue(format)}' (ftm)");
            }
            var node = await NodeDirectory.OpenAndMigrateAsync(parse.GetValue(dir)!, ct);
            await using var db = LiaisonDbFactory.Create(node);
            var path = parse.GetValue(output);
            await using var stream = path is null ? Console.OpenStandardOutput() : File.Create(path);
            var count = await FtmExport.WriteAsync(db, stream, parse.GetValue(caseId), Liaison.Core.Policy.Retention.RetentionDay.Today(TimeProvider.System), ct);
            if (path is not null)
            {
                Console.Error.WriteLine($"{count} entities written to {path}");
            }
            return 0;
        }));
        return command;
    }
}
