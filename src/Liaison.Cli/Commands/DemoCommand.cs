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
        var command = new Command("demo", "Run three agencies' nodes and a service provider's on 127.0.0.1 through a whole cross-border case") { keep };
        command.SetAction((parse, ct) => CliRunner.Run(async () =>
        {
            var root = Path.Combine(Path.GetTempPath(), "liaison-demo-" + DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));
            // Bound to the Console.Out of this invocation (not Spectre's static console) so a caller that redirects it gets the demo.
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
            var demo = new CrossBorderDemo(root, console);
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
                    console.MarkupLine($"Node folders kept in [grey]{Markup.Escape(root)}[/]");
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
