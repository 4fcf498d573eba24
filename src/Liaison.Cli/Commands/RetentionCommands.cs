using System.CommandLine;
using System.Globalization;
using Liaison.Core.Model;
using Liaison.Core.Policy.Retention;
using Liaison.Node.Audit;
using Liaison.Node.Policy;
using Liaison.Node.Retention;
using Liaison.Storage;
using Liaison.Storage.Evidence;
using Liaison.Storage.Ledger;
using Liaison.Storage.Nodes;
using Liaison.Storage.Retention;

namespace Liaison.Cli.Commands;

/// <summary>
/// <c>liaison retention run --dir D</c> runs the retention pass now (review dates, purge, journal);
/// <c>liaison retention list --dir D</c> prints the DPO's review list (envelopes only, never content).
/// </summary>
internal static class RetentionCommands
{
    public static Command Create() => new("retention", "Records past their review date: list them, purge them") { Run(), List() };

    private static Command Run()
    {
        var dir = CommonOptions.Dir();
        var command = new Command("run", "Purge the records overdue beyond the policy's grace period now, and journal it") { dir };
        command.SetAction((parse, ct) => CliRunner.Run(async () =>
        {
            var node = await NodeDirectory.OpenAndMigrateAsync(parse.GetValue(dir)!, ct);
            var clock = TimeProvider.System;
            await using var db = LiaisonDbFactory.Create(node);
            await using var ledger = await NodeLedger.OpenAsync(node, clock, ct: ct);
            // No outbox here: the node's own scheduled pass announces the withdrawals this run leaves pending.
            using var evidence = new EvidenceLocker(node, ledger, clock);
            var pass = new RetentionPass(db, new AuditJournal(db, ledger, clock), NodePolicy.Load(node), clock, evidence: evidence);
            var result = await pass.RunAsync(CommonOptions.Operator, ct);
            await ledger.CheckpointNowAsync(ct);
            Console.WriteLine($"review dates set on {result.ReviewDatesSet:N0} record(s); purged {result.RecordsPurged:N0} record(s) and "
                + $"{result.IdentifiersPurged:N0} identifier(s) and {result.CallRecordsPurged:N0} call-detail row(s) reviewed before {result.PurgedBefore:yyyy-MM-dd}"
                + (result.RunId == 0 ? "" : $" (run {result.RunId}, journalled)"));
            if (result.EvidencePurged > 0)
            {
                Console.WriteLine($"purged {result.EvidencePurged:N0} evidence item(s); {result.EvidenceFilesDeleted:N0} file(s) deleted, each with a 'purged' custody step");
            }
            if (result.WithdrawalsPending > 0)
            {
                Console.WriteLine($"{result.WithdrawalsPending:N0} purged record(s) wait to be withdrawn from recipients (announced by the node's outbox)");
            }
            return 0;
        }));
        return command;
    }

    private static Command List()
    {
        var dir = CommonOptions.Dir();
        var limit = new Option<int>("--limit") { Description = "at most this many records", DefaultValueFactory = _ => 200 };
        var command = new Command("list", "List records past their review date (hidden from every read path) for the DPO") { dir, limit };
        command.SetAction((parse, ct) => CliRunner.Run(async () =>
        {
            var node = await NodeDirectory.OpenAndMigrateAsync(parse.GetValue(dir)!, ct);
            var clock = TimeProvider.System;
            var schedule = NodePolicy.Load(node).Current.Retention;
            var today = RetentionDay.Today(clock);
            await using var db = LiaisonDbFactory.Create(node);
            await ReviewDates.AssignAsync(db, schedule, ct);
            var purgeBefore = schedule.PurgeBefore(today);
            var (overdue, due) = await OverdueRecords.CountAsync(db, today, purgeBefore, ct);
            var records = await OverdueRecords.ListAsync(db, today, purgeBefore, null, parse.GetValue(limit), ct);
            Console.WriteLine($"{overdue:N0} record(s) past their review date on {today:yyyy-MM-dd}; {due:N0} reviewed before {purgeBefore:yyyy-MM-dd} go at the next purge");
            foreach (var r in records)
            {
                Console.WriteLine(string.Join('\t', r.ReviewDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.Id, r.CaseId, r.Schema,
                    r.Subjects.ToList() is { Length: > 0 } s ? s : "-", r.DueForPurge ? "purge" : "hidden"));
            }
            await CliJournal.RecordAsync(node, "retention.list", null, new Dictionary<string, string> { ["overdue"] = overdue.ToString(CultureInfo.InvariantCulture) }, ct);
            return 0;
        }));
        return command;
    }
}
