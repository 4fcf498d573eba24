using System.Diagnostics;
using System.Text;

namespace Liaison.Cli.Tests.CrashSafety;

/// <summary>
/// The built <c>liaison</c> CLI run as a real child process (<c>dotnet liaison.dll …</c>): the
/// crash drill needs processes it can SIGKILL, which the in-process <see cref="CliRun"/> cannot give.
/// </summary>
public sealed class LiaisonBinary(string dll, IReadOnlyDictionary<string, string> environment)
{
    /// <summary>The CLI's entry assembly.</summary>
    public string Dll { get; } = dll;

    /// <summary>
    /// Finds <c>liaison.dll</c>: <c>LIAISON_CLI_DLL</c> if set, else next to the running assembly (the
    /// test project references the CLI, so its build copies it there), else the CLI project's own
    /// output for the same configuration.
    /// </summary>
    public static string Locate()
    {
        if (Environment.GetEnvironmentVariable("LIAISON_CLI_DLL") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : throw new FileNotFoundException("LIAISON_CLI_DLL names no file", configured);
        }
        var here = AppContext.BaseDirectory;
        if (File.Exists(Path.Combine(here, "liaison.dll")) && File.Exists(Path.Combine(here, "liaison.runtimeconfig.json")))
        {
            return Path.Combine(here, "liaison.dll");
        }
        // bin/<Configuration>/<tfm>/ of a project under the repository: the CLI's output for the same configuration.
        var tfm = new DirectoryInfo(here.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = tfm.Parent!.Name;
        for (var dir = tfm; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Liaison.Cli", "bin", configuration, tfm.Name, "liaison.dll");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        throw new FileNotFoundException("liaison.dll not found: build src/Liaison.Cli or set LIAISON_CLI_DLL");
    }

    /// <summary>The dotnet host: the one the SDK names for child processes, else the one on PATH.</summary>
    private static string DotnetHost => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>A process ready to start: <c>dotnet liaison.dll args…</c> with this drill's environment.</summary>
    public ProcessStartInfo StartInfo(params string[] args)
    {
        var info = new ProcessStartInfo(DotnetHost)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Dll);
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }
        return info;
    }

    /// <summary>Runs one command to its end; a non-zero exit throws with its stderr.</summary>
    public async Task<string> RunAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(args)) ?? throw new InvalidOperationException("dotnet did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"liaison {string.Join(' ', args)} exited {process.ExitCode}: {await error}");
        }
        return await output;
    }

    /// <summary>Text of a captured stream, for a failure message.</summary>
    internal static string Tail(StringBuilder log, int chars = 2000)
    {
        lock (log)
        {
            return log.Length <= chars ? log.ToString() : log.ToString(log.Length - chars, chars);
        }
    }
}
