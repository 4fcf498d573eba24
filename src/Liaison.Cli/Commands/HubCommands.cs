using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Liaison.Storage;
using Liaison.Storage.Federation;
using Liaison.Storage.Nodes;

namespace Liaison.Cli.Commands;

/// <summary>
/// <c>liaison hub status|runs|purge|forget --dir D</c>: the operator's view of a node serving as CLK
/// linkage hub — its runs, their participants, CLK and link counts, expiry — and the clean-up. Node ids,
/// counts and times only: never a CLK, a record reference or a score. Works on the node's database
/// directly, so also while the server is down; purge and forget are journalled in the node's ledger.
/// </summary>
internal static class HubCommands
{
    public static Command Create() => new("hub", "The CLK linkage hub this node serves: status, runs, clean-up") { Status(), Runs(), Purge(), Forget() };

    private static Command Status()
    {
        var dir = CommonOptions.Dir();
        var json = CommonOptions.Json();
        var command = new Command("status", "Runs by state, CLKs still held, links stored, message ids remembered against replay") { dir, json };
        command.SetAction((parse, ct) => CliRunner.Run(async () =>
        {
            var node = await NodeDirectory.OpenAndMigrateAsync(parse.GetValue(dir)!, ct);
            var now = TimeProvider.System.GetUtcNow();
            await using var db = LiaisonDbFactory.Create(node);
            var runs = await db.RunSummariesAsync(ct);
            var replayIds = await new DbFederationReplay(db).CountAsync(ct);
            var states = runs.GroupBy(r => r.State(now)).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            var held = runs.SelectMany(r => r.Participants).Where(p => p.ClksHeld).ToList();
            var status = new
            {
                node = node.NodeId,
                // The server reads this from its configuration; the command can only echo the environment it runs in.
                hubEnabled = Environment.GetEnvironmentVariable("Federation__LinkageHub__Enabled") ?? "not set here (Federation__LinkageHub__Enabled of the server)",
                runs = runs.Count,
                open = states.GetValueOrDefault("open"),
                linked = states.GetValueOrDefault("linked"),
                expired = states.GetValueOrDefault("expired"),
                participants = runs.SelectMany(r => r.Participants).Select(p => p.NodeId).Distinct(StringComparer.Ordinal).Count(),
                uploadsHoldingClks = held.Count,
                clksHeld = held.Sum(p => p.Clks ?? 0),
                linksStored = runs.Sum(r => r.Links),
                replayIdsRemembered = replayIds,
                nextExpiry = runs.Where(r => r.ExpiresAt > now).Select(r => (DateTimeOffset?)r.ExpiresAt).Min(),
            };
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(status, JsonSerializerOptions.Web));
                return 0;
            }
            var nextExpiry = status.nextExpiry?.ToString("u", CultureInfo.InvariantCulture) ?? "-";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                linkage hub {status.node} (hub enabled: {status.hubEnabled})
                runs: {status.runs} ({status.open} open, {status.linked} linked, {status.expired} expired awaiting clean-up) with {status.participants} participant node(s)
                CLKs held: {status.clksHeld:N0} in {status.uploadsHoldingClks} upload(s) of runs not yet linked (dropped once linked)
                links stored: {status.linksStored:N0}
                message ids remembered against replay: {status.replayIdsRemembered:N0}
                next expiry: {nextExpiry}
                """));
            return 0;
        }));
        return command;
    }

    private static Command Runs()
    {
        var dir = CommonOptions.Dir();
        var json = CommonOptions.Json();
        var command = new Command("runs", "List the runs, oldest first: state, participants with their CLK counts, links, expiry") { dir, json };
        command.SetAction((parse, ct) => CliRunner.Run(async () =>
        {
            var node = await NodeDirectory.OpenAndMigrateAsync(parse.GetValue(dir)!, ct);
            var now = TimeProvider.System.GetUtcNow();
            await using var db = LiaisonDbFactory.Create(node);
            var runs = await db.RunSummariesAsync(ct);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(runs.Select(r => new
                {
                    r.Run, state = r.State(now), r.OpenedAt, r.ExpiresAt, r.LinkedAt, r.SchemaFingerprint, r.FilterBits, r.Links, r.Comparisons,
                    participants = r.Participants.Select(p => new { p.NodeId, p.Clks, p.UploadedAt, p.ClksHeld }),
                }), JsonSerializerOptions.Web));
                return 0;
            }
            Console.WriteLine("run\tstate\topened\texpires\tparticipants (CLKs uploaded; - waiting)\tlinks\tcomparisons");
            foreach (var r in runs)
            {
                var parties = string.Join(' ', r.Participants.Select(p => $"{p.NodeId}:{(p.Clks is { } c ? c.ToString(CultureInfo.InvariantCulture) : "-")}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Run}\t{r.State(now)}\t{r.OpenedAt:u}\t{r.ExpiresAt:u}\t{parties}\t{r.Links}\t{r.Comparisons}"));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{runs.Count} run(s)"));
            return 0;
        }));
        return command;
    }

    private static Command Purge()
    {
        var dir = CommonOptions.Dir();
        var command = new Command("purge", "Delete expired runs (uploads and results with them) and expired message ids now, rather than at the node's next clean-up") { dir };
        command.SetAction((parse, ct) => CliRunner.Run(async () =>
        {
            var node = await NodeDirectory.OpenAndMigrateAsync(parse.GetValue(dir)!, ct);
            var now = TimeProvider.System.GetUtcNow();
            int runs, ids;
            await using (var db = LiaisonDbFactory.Create(node))
            {
                runs = await db.PurgeExpiredRunsAsync(now, ct);
                ids = await new DbFederationReplay(db).PurgeExpiredAsync(now, ct);
            }
            await CliJournal.RecordAsync(node, "admin.hub.purge", null, new Dictionary<string, string>
            {
                ["runs"] = runs.ToString(CultureInfo.InvariantCulture), ["replayIds"] = ids.ToString(CultureInfo.InvariantCulture),
            }, ct);
            Console.WriteLine($"deleted {runs} expired run(s) and {ids} expired message id(s) (journalled)");
            return 0;
        }));
        return command;
    }

    private static Command Forget()
    {
        var dir = CommonOptions.Dir();
        var run = new Argument<string>("run") { Description = "the run's name (from 'liaison hub runs')" };
        var command = new Command("forget", "Delete one run now with its uploads and results, e.g. one opened with the wrong participants; its name is free again") { dir, run };
        command.SetAction((parse, ct) => CliRunner.Run(async () =>
        {
            var node = await NodeDirectory.OpenAndMigrateAsync(parse.GetValue(dir)!, ct);
            var name = parse.GetValue(run)!;
            int deleted;
            await using (var db = LiaisonDbFactory.Create(node))
            {
                deleted = await db.DeleteRunsAsync([name], ct);
            }
            if (deleted == 0)
            {
                throw new CliFailure($"this hub has no run '{name}' (liaison hub runs)");
            }
            await CliJournal.RecordAsync(node, "admin.hub.forget", null, new Dictionary<string, string> { ["run"] = name }, ct);
            Console.WriteLine($"run {name} deleted with its uploads and results (journalled)");
            return 0;
        }));
        return command;
    }
}
