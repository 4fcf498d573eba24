using System.CommandLine;
using Liaison.Cli.Commands;

namespace Liaison.Cli;

/// <summary>Every top-level command of <c>liaison</c>; each pillar adds its commands here.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return InitCommand.Create();
        yield return ServeCommand.Create();
        yield return DemoCommand.Create();
        yield return ImportCommand.Create();
        yield return ExportCommand.Create();
        yield return StatsCommand.Create();
        yield return UserCommands.Create();
        yield return ScenarioCommand.Create();
        yield return NormaliseCommand.Create();
        yield return PolicyCommand.Create();
        yield return RequestsCommand.Create();
        yield return AuditCommands.Create();
        yield return EvidenceCommands.Create();
        yield return KeyCommands.Create();
        yield return PeerCommands.Create();
        yield return OutboxCommands.Create();
        yield return ClkCommands.Create();
        yield return AnalyzeCommand.Create();
        yield return MatchCommand.Create();
        yield return RetentionCommands.Create();
        yield return HubCommands.Create();
    }
}
