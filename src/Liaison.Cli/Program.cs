using System.CommandLine;
using Liaison.Cli;

var root = new RootCommand("Liaison: a federated, privacy-preserving crime-data exchange node.");
foreach (var command in CommandCatalog.All())
{
    root.Subcommands.Add(command);
}
return await root.Parse(args).InvokeAsync();
