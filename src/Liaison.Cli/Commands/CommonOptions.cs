using System.CommandLine;

namespace Liaison.Cli.Commands;

/// <summary>Options several commands share, so they read the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<string> Dir() => new("--dir", "-d") { Description = "the node's data folder", Required = true };

    public static Option<string?> Case() => new("--case", "-c") { Description = "case id" };

    public static Option<bool> Json() => new("--json") { Description = "print one JSON object" };

    /// <summary>Who runs the CLI, for provenance and the journal: LIAISON_USER, else the OS user.</summary>
    public static string Operator => Environment.GetEnvironmentVariable("LIAISON_USER") is { Length: > 0 } u ? u : "cli:" + Environment.UserName;
}
