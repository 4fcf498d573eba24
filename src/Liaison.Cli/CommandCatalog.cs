using System.CommandLine;
using Liaison.Cli.Commands;

namespace Liaison.Cli;

/// <summary>Every top-level command of <c>liaison</c>; each pillar adds its commands here.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return NormaliseCommand.Create();
        yield return AnalyzeCommand.Create();
    }
}
