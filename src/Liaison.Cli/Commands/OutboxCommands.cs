using System.CommandLine;
using System.Globalization;
using Liaison.Exchange.Delivery;
using Liaison.Storage;
using Liaison.Storage.Exchange;
using Liaison.Storage.Nodes;

namespace Liaison.Cli.Commands;

/// <summary>
/// <c>liaison outbox list|retry --dir D</c>: the operator's view of messages to peers — pending,
/// delivered, dead-lettered — and the retry of a dead letter (journalled in the node's ledger).
/// Works on the node's database directly, so it also works while the server is down.
/// </summary>
internal static class OutboxCommands
{
    public static Command Create()
    {
        var outbox = new Command("outbox", "Messages to peers: list them, retry a dead letter");
        outbox.Subcommands.Add(List());
        outbox.Subcommands.Add(Retry());
        return outbox;
    }

    private static Command List()
    {
        var dir = CommonOptions.Dir();
        var state = new Option<string?>("--state") { Description = "pending, delivered or dead (default: all)" };
        var command = new Command("list", "List the outbox (newest last); dead letters show their last error") { dir, state };
        command.SetAction((parse, ct) => CliRunner.Run(async () =>
        {
            var node = await NodeDirectory.OpenAndMigrateAsync(parse.GetValue(dir)!, ct);
            OutboxState? filter = parse.GetValue(state) switch
            {
                null => null,
                "pending" => OutboxState.Pending,
                "delivered" => OutboxState.Delivered,
                "dead" => OutboxState.Dead,
                var other => throw new CliFailure($"--state '{other}' is not pending, delivered or dead"),
            };
            await using var db = LiaisonDbFactory.Create(node);
            var rows = await new DbOutboxStore(db).ListAsync(filter, ct);
            Console.WriteLine("id                                    recipient        type               state      attempts  created               error");
            foreach (var m in rows)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{m.Id,-37} {m.Recipient,-16} {m.Type,-18} {Name(m.State),-10} {m.Attempts,8}  {m.CreatedAt:u}  {m.LastError}"));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows.Count} message(s)"));
            return 0;
        }));
        return command;
    }

    private static Command Retry()
    {
        var dir = CommonOptions.Dir();
        var id = new Argument<string>("message-id") { Description = "the id of a dead-lettered message (from 'liaison outbox list --state dead')" };
        var command = new Command("retry", "Make a dead-lettered message pending again (attempts reset); the running node sends it") { dir, id };
        command.SetAction((parse, ct) => CliRunner.Run(async () =>
        {
            var node = await NodeDirectory.OpenAndMigrateAsync(parse.GetValue(dir)!, ct);
            var messageId = parse.GetValue(id)!;
            await using var db = LiaisonDbFactory.Create(node);
            if (!await new DbOutboxStore(db).RetryDeadAsync(messageId, TimeProvider.System.GetUtcNow(), ct))
            {
                throw new CliFailure($"message {messageId} is not a dead letter in this outbox (liaison outbox list --state dead)");
            }
            await CliJournal.RecordAsync(node, "admin.outbox.retry", null, new Dictionary<string, string> { ["message"] = messageId }, ct);
            Console.WriteLine($"{messageId} is pending again");
            return 0;
        }));
        return command;
    }

    private static string Name(OutboxState state) => state switch
    {
        OutboxState.Pending => "pending",
        OutboxState.Delivered => "delivered",
        _ => "dead",
    };
}
