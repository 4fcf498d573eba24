using System.CommandLine;

namespace Liaison.Cli.Tests;

/// <summary>Runs the real command tree in-process, capturing stdout and stderr (tests of this class run one at a time).</summary>
internal static class CliRun
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static async Task<(int Exit, string Out, string Err)> RunAsync(params string[] args)
    {
        await OneAtATime.WaitAsync();
        var (stdout, stderr) = (Console.Out, Console.Error);
        try
        {
            using var o = new StringWriter();
            using var e = new StringWriter();
            Console.SetOut(o);
            Console.SetError(e);
            var root = new RootCommand();
            foreach (var c in CommandCatalog.All())
            {
                root.Subcommands.Add(c);
            }
            var config = new InvocationConfiguration { Output = o, Error = e };
            var exit = await root.Parse(args).InvokeAsync(config);
            return (exit, o.ToString(), e.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            OneAtATime.Release();
        }
    }
}
