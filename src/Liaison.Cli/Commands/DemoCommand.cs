using System.CommandLine;
using Liaison.Cli.Demo;
using Spectre.Console;

namespace Liaison.Cli.Commands;

/// <summary><c>liaison demo [--keep]</c>: several nodes on loopback through a whole cross-border case.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var keep = new Option<bool>("--keep") { Description = "keep the demo's node folders instead of deleting them" };
        var command = new Command("demo", "Run three agencies' nodes on 127.0.0.1 through a whole cross-border case") { keep };
        command.SetAction((parse, ct) => CliRunner.Run(async () =>
        {
            var root = Path.Combine(Path.GetTempPath(), "liaison-demo-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
            var demo = new CrossBorderDemo(root, AnsiConsole.Console);
            try
            {
                return await demo.RunAsync(ct);
            }
            finally
            {
                await demo.StopAsync();
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                if (parse.GetValue(keep))
                {
                    AnsiConsole.MarkupLine($"Node folders kept in [grey]{Markup.Escape(root)}[/]");
                }
                else if (Directory.Exists(root))
                {
                    Directory.Delete(root, recursive: true);
                }
            }
        }));
        return command;
    }
}
