using System.CommandLine;
using Liaison.Core.Policy;
using Liaison.Exchange.Peers;
using Liaison.Node.Policy;
using Liaison.Storage;
using Liaison.Storage.Nodes;

namespace Liaison.Cli.Commands;

/// <summary>
/// <c>liaison policy check --dir D --as USER --record ID [--to PEER] [--purpose P]</c>: the decision the
/// policy in force takes for a user reading a stored record, or for sharing it with an on-boarded peer,
/// with the rule, obligations and trail. Exit 0 on permit, 3 on deny.
/// </summary>
internal static class PolicyCheckCommand
{
    public static Command Create()
    {
        var dir = CommonOptions.Dir();
        var user = new Option<string>("--as") { Description = "the node user whose read (or share) is decided", Required = true };
        var record = new Option<string>("--record") { Description = "the stored record's id", Required = true };
        var to = new Option<string?>("--to") { Description = "an on-boarded peer's node id: decide a share instead of a read" };
        var purpose = new Option<string?>("--purpose") { Description = "the purpose of processing (one of the policy's purposes)" };
        var command = new Command("check", "Decide a stored record's read by a user, or its share to a peer, under the policy in force") { dir, user, record, to, purpose };
        command.SetAction((parse, ct) => CliRunner.Run(async () =>
        {
            var node = await NodeDirectory.OpenAndMigrateAsync(parse.GetValue(dir)!, ct);
            var clock = TimeProvider.System;
            await using var db = LiaisonDbFactory.Create(node);
            var check = new StoredRecordCheck(db, node, NodePolicy.Load(node), new FilePeerDirectory(node.Directory), clock);
            StoredRecordCheckResult result;
            try
            {
                result = await check.CheckAsync(parse.GetValue(user)!, parse.GetValue(record)!, parse.GetValue(to), parse.GetValue(purpose), ct);
            }
            catch (StoredRecordCheckException e)
            {
                throw new CliFailure($"--{e.Field}: {e.Reason}");
            }
            var decision = result.Decision;
            Console.WriteLine($"{PolicyNames.Of(result.Action)} of record {result.RecordId} (case {result.CaseId}) by {result.User}"
                + (result.Recipient is null ? "" : $" to {result.Recipient}") + $" under {result.Policy}");
            Console.WriteLine($"{decision.Effect} by {decision.Rule}: {decision.Reason}");
            foreach (var obligation in decision.Obligations)
            {
                Console.WriteLine($"  obligation: {System.Text.Json.JsonSerializer.Serialize(obligation, PolicyJson.Options)}");
            }
            foreach (var step in decision.Trail)
            {
                Console.WriteLine($"  - {step}");
            }
            await CliJournal.RecordAsync(node, "policy.check", result.CaseId, new Dictionary<string, string>
            {
                ["as"] = result.User,
                ["record"] = result.RecordId,
                ["decision"] = decision.ToJson(),
            }, ct);
            return decision.IsPermitted ? 0 : 3;
        }));
        return command;
    }
}
