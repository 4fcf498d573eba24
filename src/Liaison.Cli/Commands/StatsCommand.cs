using System.CommandLine;
using System.Text.Json;
using Liaison.Storage;
using Liaison.Storage.Nodes;
using Liaison.Storage.Stats;

namespace Liaison.Cli.Commands;

/// <summary><c>liaison stats --dir D [--case C] [--json]</c>: counts per entity type.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var dir = CommonOptions.Dir();
        var caseId = CommonOptions.Case();
        var json = CommonOptions.Json();
        var command = new Command("stats", "Count what the node holds, per entity type") { dir, caseId, json };
        command.SetAction((parse, ct) => CliRunner.Run(async () =>
        {
            var node = await NodeDirectory.OpenAndMigrateAsync(parse.GetValue(dir)!, ct);
            await using var db = LiaisonDbFactory.Create(node);
            var stats = await NodeStatistics.ReadAsync(db, parse.GetValue(caseId), ct);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    node = node.NodeId,
                    records = stats.Records,
                    bySchema = stats.RecordsBySchema,
                    callRecords = stats.CallRecords,
                    cases = stats.Cases,
                    imports = stats.Imports,
                    identifiers = stats.Identifiers,
                }));
                return 0;
            }
            Console.WriteLine($"node {node.NodeId} ({node.Agency}, {node.Jurisdiction})");
            foreach (var (schema, count) in stats.RecordsBySchema)
            {
                Console.WriteLine($"  {schema,-16} {count,10:N0}");
            }
            Console.WriteLine($"  {"call records",-16} {stats.CallRecords,10:N0}");
            Console.WriteLine($"  {stats.Records:N0} records in {stats.Cases} case(s) from {stats.Imports} import(s)");
            return 0;
        }));
        return command;
    }
}
