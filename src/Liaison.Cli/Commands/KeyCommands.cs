using System.CommandLine;
using Liaison.Exchange;
using Liaison.Exchange.Identity;

namespace Liaison.Cli.Commands;

/// <summary>
/// <c>liaison keys init|list|rotate|revoke --dir D</c>: the node's signing and encryption keys in
/// <c>D/keys/</c>, encrypted with the passphrase from LIAISON_KEY_PASSPHRASE or LIAISON_KEY_PASSPHRASE_FILE.
/// </summary>
internal static class KeyCommands
{
    public static Command Create()
    {
        var keys = new Command("keys", "Manage this node's signing and encryption keys");
        keys.Subcommands.Add(Init());
        keys.Subcommands.Add(List());
        keys.Subcommands.Add(Rotate());
        keys.Subcommands.Add(Revoke());
        return keys;
    }

    /// <summary>The node's data directory, shared by every exchange command.</summary>
    internal static Option<string> DirOption() => new("--dir")
    {
        Description = "the node's data directory (keys in keys/, peers in peers/)",
        Required = true,
    };

    /// <summary>Runs a command body, turning the exchange's own refusals into one stderr line.</summary>
    internal static Task<int> Run(Func<Task<int>> body) => CliRunner.Run(async () =>
    {
        try
        {
            return await body();
        }
        catch (ExchangeException e)
        {
            throw new CliFailure(e.Message);
        }
    });

    private static Command Init()
    {
        var dir = DirOption();
        var nodeId = new Option<string>("--node-id") { Description = "stable node id, e.g. gb-nca-1 (a-z, 0-9, '-', '.')", Required = true };
        var agency = new Option<string>("--agency") { Description = "the agency running the node", Required = true };
        var jurisdiction = new Option<string>("--jurisdiction") { Description = "ISO 3166 alpha-2 code, or EU", Required = true };
        var endpoint = new Option<string>("--endpoint") { Description = "the node's exchange URL, e.g. https://liaison.nca.example/", Required = true };
        var command = new Command("init", "Create the node's key pairs, encrypted at rest") { dir, nodeId, agency, jurisdiction, endpoint };
        command.SetAction(parse => Run(() =>
        {
            if (!Uri.TryCreate(parse.GetValue(endpoint), UriKind.Absolute, out var url))
            {
                throw new CliFailure("--endpoint must be an absolute URL");
            }
            var profile = new NodeProfile(parse.GetValue(nodeId)!, parse.GetValue(agency)!, parse.GetValue(jurisdiction)!.ToUpperInvariant(), url);
            using var identity = NodeIdentity.Create(parse.GetValue(dir)!, profile, KeyPassphrase.FromEnvironment(), TimeProvider.System);
            Console.WriteLine($"node {identity.NodeId}: keys written to {Path.Combine(parse.GetValue(dir)!, "keys")}");
            Console.WriteLine($"signing key    {identity.SigningKey.Kid}");
            Console.WriteLine($"encryption key {identity.EncryptionKey.Kid}");
            Console.WriteLine($"fingerprint    {identity.Fingerprint}");
            return Task.FromResult(0);
        }));
        return command;
    }

    private static Command List()
    {
        var dir = DirOption();
        var command = new Command("list", "List the node's keys with their status") { dir };
        command.SetAction(parse => Run(() =>
        {
            using var identity = NodeIdentity.Load(parse.GetValue(dir)!, KeyPassphrase.FromEnvironment(), TimeProvider.System);
            foreach (var key in identity.Keys.OrderBy(k => k.Use).ThenBy(k => k.Status))
            {
                var until = key.VerifiesUntil is { } u ? $" until {u:u}" : "";
                Console.WriteLine($"{key.Use.ToString().ToLowerInvariant(),-10} {key.Status.ToString().ToLowerInvariant(),-8} {key.Kid}{until}");
            }
            foreach (var revoked in identity.Revoked)
            {
                Console.WriteLine($"{"revoked",-10} {revoked.RevokedAt:u} {revoked.Kid}");
            }
            Console.WriteLine($"fingerprint {identity.Fingerprint}");
            return Task.FromResult(0);
        }));
        return command;
    }

    private static Command Rotate()
    {
        var dir = DirOption();
        var overlap = new Option<int>("--overlap-days") { Description = "days the old keys still verify and decrypt", DefaultValueFactory = _ => 7 };
        var command = new Command("rotate", "Replace both keys; the old ones stay valid for the overlap") { dir, overlap };
        command.SetAction(parse => Run(() =>
        {
            using var identity = NodeIdentity.Load(parse.GetValue(dir)!, KeyPassphrase.FromEnvironment(), TimeProvider.System);
            var rotation = identity.Rotate(TimeSpan.FromDays(parse.GetValue(overlap)));
            Console.WriteLine($"signing key    {rotation.OldSigningKid} -> {rotation.NewSigningKid}");
            Console.WriteLine($"encryption key {rotation.OldEncryptionKid} -> {rotation.NewEncryptionKid}");
            Console.WriteLine($"old keys accepted until {rotation.OverlapEnds:u}; send peers the new descriptor: liaison peer export --dir {parse.GetValue(dir)}");
            Console.WriteLine($"new fingerprint {identity.Fingerprint}");
            return Task.FromResult(0);
        }));
        return command;
    }

    private static Command Revoke()
    {
        var dir = DirOption();
        var kid = new Argument<string>("kid") { Description = "the key id to revoke (see 'liaison keys list')" };
        var command = new Command("revoke", "Revoke a previous key: peers refuse it once they have the next descriptor") { dir, kid };
        command.SetAction(parse => Run(() =>
        {
            using var identity = NodeIdentity.Load(parse.GetValue(dir)!, KeyPassphrase.FromEnvironment(), TimeProvider.System);
            identity.Revoke(parse.GetValue(kid)!);
            Console.WriteLine($"revoked {parse.GetValue(kid)}; send peers the new descriptor: liaison peer export --dir {parse.GetValue(dir)}");
            return Task.FromResult(0);
        }));
        return command;
    }
}
