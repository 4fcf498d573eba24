using System.CommandLine;
using Liaison.Storage.Nodes;

namespace Liaison.Cli.Commands;

/// <summary><c>liaison init --dir D --name NAME --jurisdiction CC [--port P]</c>: a new node folder and database.</summary>
internal static class InitCommand
{
    public static Command Create()
    {
        var dir = CommonOptions.Dir();
        var name = new Option<string>("--name") { Description = "the agency running the node", Required = true };
        var jurisdiction = new Option<string>("--jurisdiction") { Description = "ISO 3166 alpha-2 code, e.g. GB", Required = true };
        var port = new Option<int>("--port") { Description = "HTTP port on 127.0.0.1", DefaultValueFactory = _ => 5080 };
        var nodeId = new Option<string?>("--node-id") { Description = "stable node id (default: from jurisdiction and name)" };
        var postgres = new Option<string?>("--postgres") { Description = "use PostgreSQL with this connection string instead of SQLite" };
        var command = new Command("init", "Create a node: data folder, configuration and database") { dir, name, jurisdiction, port, nodeId, postgres };
        command.SetAction((parse, ct) => CliRunner.Run(async () =>
        {
            var cc = parse.GetValue(jurisdiction)!.ToUpperInvariant();
            var agency = parse.GetValue(name)!;
            var id = parse.GetValue(nodeId) ?? Slug(cc + "-" + agency);
            var pg = parse.GetValue(postgres);
            var config = await NodeDirectory.InitAsync(parse.GetValue(dir)!, new NodeConfig
            {
                NodeId = id,
                Agency = agency,
                Jurisdiction = cc,
                Port = parse.GetValue(port),
                Database = pg is null ? "sqlite" : "postgres",
                ConnectionString = pg,
            }, ct);
            Liaison.Node.Policy.NodePolicy.WriteDefault(config);
            await CliJournal.RecordAsync(config, "admin.init", null, new Dictionary<string, string> { ["node"] = config.NodeId, ["jurisdiction"] = config.Jurisdiction }, ct);
            Console.WriteLine($"node '{config.NodeId}' ({config.Agency}, {config.Jurisdiction}) created in {config.Directory}");
            Console.WriteLine($"database: {(pg is null ? config.SqlitePath : "PostgreSQL")}; policy: {Liaison.Node.Policy.NodePolicy.PathOf(config)}");
            Console.WriteLine($"ledger verifier key (publish it to peers and oversight): {Liaison.Storage.Ledger.NodeLedger.ReadVerifierKey(config)}");
            Console.WriteLine($"next: liaison user add --dir {parse.GetValue(dir)} --name NAME --roles investigator --case CASE");
            return 0;
        }));
        return command;
    }

    private static string Slug(string s)
    {
        var chars = s.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length > 40 ? slug[..40].TrimEnd('-') : slug;
    }
}
