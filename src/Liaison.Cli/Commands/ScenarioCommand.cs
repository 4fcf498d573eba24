using System.CommandLine;
using Liaison.Scenarios;

namespace Liaison.Cli.Commands;

/// <summary><c>liaison scenario generate -o DIR [--seed N]</c> and <c>liaison scenario cdr -o FILE --rows N</c>.</summary>
internal static class ScenarioCommand
{
    public static Command Create()
    {
        var scenario = new Command("scenario", "Generate the synthetic cross-border trafficking case (fixed seed)");
        var output = new Option<string>("--output", "-o") { Description = "folder to write into", Required = true };
        var seed = new Option<int>("--seed") { Description = "random seed", DefaultValueFactory = _ => 20261126 };
        var noise = new Option<int>("--noise") { Description = "unrelated persons per agency", DefaultValueFactory = _ => 25 };
        var calls = new Option<int>("--calls") { Description = "call-detail records per agency", DefaultValueFactory = _ => 2000 };
        var generate = new Command("generate", "Write each agency's records (FtM) and CDRs (CSV)") { output, seed, noise, calls };
        generate.SetAction(parse => CliRunner.Run(() =>
        {
            var s = new ScenarioGenerator(parse.GetValue(seed)).Generate(parse.GetValue(noise), parse.GetValue(calls));
            ScenarioWriter.Write(s, parse.GetValue(output)!);
            foreach (var n in s.Nodes)
            {
                Console.WriteLine($"{n.NodeId}: {n.Records.Count} records, {n.Calls.Count} calls → {Path.Combine(parse.GetValue(output)!, n.NodeId)}");
            }
            return 0;
        }));
        var file = new Option<string>("--output", "-o") { Description = "CSV file to write", Required = true };
        var rows = new Option<int>("--rows") { Description = "number of call-detail rows", DefaultValueFactory = _ => 1_000_000 };
        var cdr = new Command("cdr", "Write a large call-detail-record CSV (benchmarks)") { file, rows, seed };
        cdr.SetAction(parse => CliRunner.Run(() =>
        {
            using var writer = new StreamWriter(parse.GetValue(file)!);
            new ScenarioGenerator(parse.GetValue(seed)).WriteCallsCsv(writer, parse.GetValue(rows));
            return 0;
        }));
        scenario.Subcommands.Add(generate);
        scenario.Subcommands.Add(cdr);
        return scenario;
    }
}
