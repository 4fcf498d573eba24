using System.CommandLine;
using Liaison.Exchange.Descriptors;
using Liaison.Exchange.Identity;
using Liaison.Exchange.Peers;

namespace Liaison.Cli.Commands;

/// <summary>
/// <c>liaison peer export|add|list|remove --dir D</c>: this node's signed descriptor, and the peers
/// in <c>D/peers/</c>. Adding shows the fingerprint to confirm out of band before anything is trusted.
/// </summary>
internal static class PeerCommands
{
    public static Command Create()
    {
        var peer = new Command("peer", "Exchange node descriptors and manage peers");
        peer.Subcommands.Add(Export());
        peer.Subcommands.Add(Add());
        peer.Subcommands.Add(List());
        peer.Subcommands.Add(Remove());
        return peer;
    }

    private static Command Export()
    {
        var dir = KeyCommands.DirOption();
        var validity = new Option<int>("--validity-days") { Description = "how long peers may rely on the descriptor", DefaultValueFactory = _ => 365 };
        var command = new Command("export", "Print this node's signed descriptor (JSON) to stdout") { dir, validity };
        command.SetAction(parse => KeyCommands.Run(() =>
        {
            using var identity = NodeIdentity.Load(parse.GetValue(dir)!, KeyPassphrase.FromEnvironment(), TimeProvider.System);
            Console.WriteLine(identity.ExportDescriptor(TimeSpan.FromDays(parse.GetValue(validity))).ToJson());
            return Task.FromResult(0);
        }));
        return command;
    }

    private static Command Add()
    {
        var dir = KeyCommands.DirOption();
        var file = new Argument<FileInfo>("descriptor") { Description = "the peer's descriptor file (from 'liaison peer export')" };
        var yes = new Option<bool>("--yes") { Description = "do not ask: the fingerprint was confirmed out of band" };
        var command = new Command("add", "Add (or update) a peer from its signed descriptor") { dir, file, yes };
        command.SetAction(parse => KeyCommands.Run(async () =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new CliFailure($"no such file: {path.FullName}");
            }
            var signed = SignedNodeDescriptor.Parse(await File.ReadAllTextAsync(path.FullName));
            signed.Verify(TimeProvider.System.GetUtcNow(), Liaison.Exchange.ExchangeOptions.DefaultClockSkew);
            var d = signed.Descriptor;
            Console.WriteLine($"node         {d.NodeId}");
            Console.WriteLine($"agency       {d.Agency} ({d.Jurisdiction})");
            Console.WriteLine($"endpoint     {d.Endpoint}");
            Console.WriteLine($"valid        {d.NotBefore:u} to {d.NotAfter:u}");
            Console.WriteLine($"fingerprint  {signed.Fingerprint}");
            if (!parse.GetValue(yes))
            {
                Console.Write("Does the fingerprint match the one the agency gave you out of band? [y/N] ");
                var answer = Console.ReadLine()?.Trim();
                if (!string.Equals(answer, "y", StringComparison.OrdinalIgnoreCase) && !string.Equals(answer, "yes", StringComparison.OrdinalIgnoreCase))
                {
                    throw new CliFailure("peer not added");
                }
            }
            var dataDir = parse.GetValue(dir)!;
            var onboarding = new PeerOnboarding(new FilePeerDirectory(dataDir), NodeIdentity.ReadProfile(dataDir).NodeId, TimeProvider.System);
            var change = await onboarding.AddAsync(signed);
            Console.WriteLine($"{d.NodeId} {(change == PeerChange.Added ? "added" : "updated")}");
            return 0;
        }));
        return command;
    }

    private static Command List()
    {
        var dir = KeyCommands.DirOption();
        var command = new Command("list", "List the peers with their fingerprints") { dir };
        command.SetAction(parse => KeyCommands.Run(async () =>
        {
            var now = TimeProvider.System.GetUtcNow();
            foreach (var p in await new FilePeerDirectory(parse.GetValue(dir)!).ListAsync())
            {
                var d = p.Descriptor;
                var state = now >= d.NotAfter ? "EXPIRED" : $"valid to {d.NotAfter:yyyy-MM-dd}";
                Console.WriteLine($"{d.NodeId,-20} {d.Jurisdiction}  {d.Agency}  {d.Endpoint}  {state}");
                Console.WriteLine($"{"",-20} fingerprint {p.Signed.Fingerprint}");
            }
            return 0;
        }));
        return command;
    }

    private static Command Remove()
    {
        var dir = KeyCommands.DirOption();
        var nodeId = new Argument<string>("node-id") { Description = "the peer to remove" };
        var command = new Command("remove", "Remove a peer: nothing more is accepted from it") { dir, nodeId };
        command.SetAction(parse => KeyCommands.Run(async () =>
        {
            var removed = await new FilePeerDirectory(parse.GetValue(dir)!).RemoveAsync(parse.GetValue(nodeId)!);
            if (!removed)
            {
                throw new CliFailure($"{parse.GetValue(nodeId)} is not a peer");
            }
            Console.WriteLine($"{parse.GetValue(nodeId)} removed");
            return 0;
        }));
        return command;
    }
}
