using System.CommandLine;
using Liaison.Analysis.Export;
using Liaison.Analysis.Graphs;
using Liaison.Analysis.Graphs.Import;
using Liaison.Analysis.Reports;
using Liaison.Analysis.Cases;
using Liaison.Core.Markings;
using Liaison.Storage;
using Liaison.Storage.Nodes;
using Liaison.Storage.Records;

namespace Liaison.Cli.Commands;

/// <summary>
/// <c>liaison analyze --edges FILE.csv | --dir D --case C [--json] [--format graphml|gexf|cytoscape-json -o FILE]</c>:
/// key players and communities of a network — a plain edge list, or a case's records and call-detail
/// records from the node's database (journalled in its ledger).
/// </summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var edges = new Option<string?>("--edges") { Description = "undirected edge list CSV: source,target[,weight] (header optional)" };
        var dir = new Option<string?>("--dir", "-d") { Description = "a node's data folder (with --case)" };
        var caseId = CommonOptions.Case();
        var json = new Option<bool>("--json") { Description = "print one JSON object with every node's scores and the modularity" };
        var format = new Option<string?>("--format") { Description = "also export the network: graphml, gexf or cytoscape-json (needs -o)" };
        var output = new Option<string?>("--output", "-o") { Description = "file to write the export to" };
        var top = new Option<int>("--top") { Description = "key players to list in the table", DefaultValueFactory = _ => 10 };
        var seed = new Option<ulong>("--seed") { Description = "seed for Louvain and sampled betweenness", DefaultValueFactory = _ => 42 };
        var sample = new Option<int?>("--sample") { Description = "estimate betweenness and closeness from this many sampled sources (default: betweenness exact up to 5,000 nodes and closeness up to 20,000, 500 sources above)" };
        var tlp = new Option<string>("--tlp") { Description = "TLP marking of the file's data", DefaultValueFactory = _ => "AMBER" };
        var handling = new Option<string>("--handling") { Description = "handling codes of the file's data (H0..H3)", DefaultValueFactory = _ => "H0" };
        var command = new Command("analyze", "Find the key players and communities of a network")
        {
            edges, dir, caseId, json, format, output, top, seed, sample, tlp, handling,
        };
        command.SetAction((parse, ct) => CliRunner.Run(async () =>
        {
            var marking = ParseMarking(parse.GetValue(tlp)!, parse.GetValue(handling)!);
            var exportFormat = ParseExport(parse.GetValue(format), parse.GetValue(output));
            Graph graph;
            if (parse.GetValue(dir) is { } nodeDir)
            {
                var c = parse.GetValue(caseId) ?? throw new CliFailure("--dir needs --case");
                var node = await NodeDirectory.OpenAndMigrateAsync(nodeDir, ct);
                await using var db = LiaisonDbFactory.Create(node);
                var records = new List<Liaison.Core.Model.EntityRecord>();
                await foreach (var r in CaseRecords.ReadAsync(db, c, Liaison.Core.Policy.Retention.RetentionDay.Today(TimeProvider.System), ct))
                {
                    records.Add(r);
                }
                if (records.Count == 0)
                {
                    throw new CliFailure($"case '{c}' has no records on node {node.NodeId}");
                }
                graph = CaseGraph.Build(records);
                await CliJournal.RecordAsync(node, "analyze", c, new Dictionary<string, string> { ["records"] = records.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) }, ct);
            }
            else
            {
                graph = ReadEdges(parse.GetValue(edges) ?? throw new CliFailure("give --edges FILE.csv or --dir NODE --case CASE"), marking);
            }
            var sources = parse.GetValue(sample);
            if (sources is <= 0)
            {
                throw new CliFailure("--sample must be a positive number of sources");
            }
            var options = new NetworkReportOptions
            {
                Seed = parse.GetValue(seed),
                ForceSampling = sources is not null,
                BetweennessSamples = sources ?? new NetworkReportOptions().BetweennessSamples,
                ClosenessPivots = sources ?? new NetworkReportOptions().ClosenessPivots,
            };
            var report = NetworkReport.Compute(graph, options);
            if (exportFormat is { } f)
            {
                using var file = File.Create(parse.GetValue(output)!);
                NetworkExport.Write(graph, report, f, file);
            }
            if (parse.GetValue(json))
            {
                using var stdout = Console.OpenStandardOutput();
                NetworkReportJson.Write(report, stdout);
                stdout.WriteByte((byte)'\n');
            }
            else
            {
                NetworkReportTable.Write(report, parse.GetValue(top), Console.Out);
            }
            return 0;
        }));
        return command;
    }

    private static Graph ReadEdges(string path, Marking marking)
    {
        try
        {
            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            return EdgeListReader.Read(reader, path, marking);
        }
        catch (NetworkFileException e)
        {
            throw new CliFailure(e.Message);
        }
        catch (FileNotFoundException)
        {
            throw new CliFailure($"{path}: no such file");
        }
        catch (DirectoryNotFoundException)
        {
            throw new CliFailure($"{path}: no such file");
        }
    }

    private static Marking ParseMarking(string tlp, string handling)
    {
        if (!TlpExtensions.TryParse(tlp, out var t))
        {
            throw new CliFailure($"--tlp '{tlp}' is not a TLP 2.0 marking (CLEAR, GREEN, AMBER, AMBER+STRICT, RED)");
        }
        if (!Handling.TryParse(handling, null, out var h) || h.Codes.HasFlag(HandlingCodes.H3))
        {
            throw new CliFailure($"--handling '{handling}' must be H0, H1 or H2 (H3 needs its restriction text, which a file cannot carry)");
        }
        return new Marking(t, h);
    }

    private static ExportFormat? ParseExport(string? format, string? output)
    {
        if (format is null)
        {
            return output is null ? null : throw new CliFailure("-o needs --format graphml, gexf or cytoscape-json");
        }
        if (!ExportFormats.TryParse(format, out var f))
        {
            throw new CliFailure($"--format '{format}' is not one of graphml, gexf, cytoscape-json");
        }
        return output is null ? throw new CliFailure("--format needs -o FILE") : f;
    }
}
