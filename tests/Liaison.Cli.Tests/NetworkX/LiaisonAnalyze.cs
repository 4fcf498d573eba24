using System.Diagnostics;

namespace Liaison.Cli.Tests.NetworkX;

/// <summary>
/// Runs the built <c>liaison analyze --edges FILE --json</c> as its own process, exactly as a user
/// does (the JSON goes straight to the process's stdout, which in-process capture cannot see).
/// </summary>
internal static class LiaisonAnalyze
{
    public static string Json(string edges)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "liaison.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { dll, "analyze", "--edges", edges, "--json" })
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("liaison analyze did not finish in 60 s");
        }
        Assert.True(process.ExitCode == 0, $"liaison analyze --edges {Path.GetFileName(edges)} --json exited {process.ExitCode}: {error.Result}");
        return output.Result;
    }
}
