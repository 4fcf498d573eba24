using System.CommandLine;
using Liaison.Node;
using Liaison.Storage.Nodes;
using Microsoft.Extensions.Hosting;

namespace Liaison.Cli.Commands;

/// <summary><c>liaison serve --dir D</c>: run the node's server on 127.0.0.1 until interrupted.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var dir = CommonOptions.Dir();
        var port = new Option<int?>("--port") { Description = "override the configured port" };
        var command = new Command("serve", "Run the node's HTTP server (API, OpenAPI, health) on loopback") { dir, port };
        command.SetAction((parse, ct) => CliRunner.Run(async () =>
        {
            var node = await NodeDirectory.OpenAndMigrateAsync(parse.GetValue(dir)!, ct);
            if (parse.GetValue(port) is { } p)
            {
                node = node with { Port = p };
            }
            await using var app = NodeHost.Build(node);
            await app.StartAsync(ct);
            Console.WriteLine($"node {node.NodeId} listening on http://127.0.0.1:{node.Port} (OpenAPI: /openapi/v1.json); Ctrl+C to stop");
            await app.WaitForShutdownAsync(ct);
            return 0;
        }));
        return command;
    }
}
