using System.Diagnostics;
using System.Text.Json;

namespace Liaison.Cli.Tests.NetworkX;

/// <summary>
/// Runs networkx_reference.py with Debian's <c>/usr/bin/python3</c> (the interpreter that sees
/// apt's python3-networkx, whatever else is first on the PATH).
/// </summary>
internal static class PythonNetworkX
{
    public const string Python = "/usr/bin/python3";

    /// <summary>Set by ./test.sh: the comparison must run, and fails if NetworkX is missing.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("LIAISON_TEST_NETWORKX") == "1";

    public static bool Available { get; } = Probe();

    private static bool Probe()
    {
        if (!File.Exists(Python))
        {
            return false;
        }
        try
        {
            var (exit, _, _) = Run(["-c", "import networkx, scipy"], TimeSpan.FromSeconds(20));
            return exit == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    /// <summary>NetworkX's values for an edge list, with the modularity of the partition in <paramref name="liaisonJson"/>.</summary>
    public static JsonElement Reference(string edges, string liaisonJson)
    {
        Assert.True(File.Exists(Python), $"{Python} is missing: apt-get install python3 python3-networkx python3-scipy");
        var script = Path.Combine(AppContext.BaseDirectory, "NetworkX", "networkx_reference.py");
        var (exit, output, error) = Run([script, edges, liaisonJson], TimeSpan.FromSeconds(60));
        Assert.True(exit == 0, $"{Python} {Path.GetFileName(script)} failed (exit {exit}); is python3-networkx installed? {error}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    private static (int Exit, string Output, string Error) Run(IEnumerable<string> args, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Python} did not finish in {timeout.TotalSeconds} s");
        }
        return (process.ExitCode, output.Result, error.Result);
    }
}
