using System.Diagnostics;
using System.Globalization;
using System.Text;
using Liaison.Node.Audit;
using Liaison.Node.Policy;
using Liaison.Node.Retention;
using Liaison.Storage;
using Liaison.Storage.Import;
using Liaison.Storage.Ledger;
using Liaison.Storage.Nodes;
using Liaison.Storage.Retention;
using Microsoft.EntityFrameworkCore;
using Npgsql;

// Retention purge benchmark: a node holding N overdue records (each a Person with a name and a phone,
// so two identifiers) and N/10 records in force; one retention pass purges the overdue ones. Timed:
// the pass as the node runs it (review dates, set-based purge, ledger entries for the ids) and, inside
// it, the purge transaction alone. Usage: [records] [sqlite|postgres] [postgres connection string]
var overdue = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var provider = args.Length > 1 ? args[1] : "sqlite";
var server = args.Length > 2 ? args[2] : Environment.GetEnvironmentVariable("LIAISON_BENCH_POSTGRES");
var kept = overdue / 10;
var dir = Path.Combine(Path.GetTempPath(), "liaison-bench-retention-" + Guid.NewGuid().ToString("N"));
string? database = null;
string? connection = null;
if (provider == "postgres")
{
    database = "bench_" + Guid.NewGuid().ToString("N")[..12];
    await using var admin = new NpgsqlConnection(server ?? throw new InvalidOperationException("give a PostgreSQL connection string (argument 3 or LIAISON_BENCH_POSTGRES)"));
    await admin.OpenAsync();
    await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
    await create.ExecuteNonQueryAsync();
    connection = new NpgsqlConnectionStringBuilder(server) { Database = database }.ToString();
}
try
{
    var node = await NodeDirectory.InitAsync(dir, new NodeConfig
    {
        NodeId = "bench-node", Agency = "Bench Agency", Jurisdiction = "GB", Database = provider, ConnectionString = connection,
    });
    var clock = TimeProvider.System;
    var file = Path.Combine(dir, "records.jsonl");
    await using (var w = new StreamWriter(file, false, new UTF8Encoding(false)))
    {
        for (var i = 0; i < overdue + kept; i++)
        {
            var review = i < overdue ? ",\"liaison\":{\"reviewDate\":\"2001-01-01\"}" : "";
            await w.WriteLineAsync($"{{\"id\":\"p-{i}\",\"schema\":\"Person\",\"properties\":{{\"name\":[\"Person {i}\"],\"phone\":[\"+447911{100000 + i}\"]}}{review}}}");
        }
    }
    var load = Stopwatch.StartNew();
    await new ImportService(node, clock).ImportFileAsync(file, new ImportOptions { CaseId = "BENCH", ImportedBy = "bench" });
    load.Stop();
    await using var db = LiaisonDbFactory.Create(node);
    var identifiers = await db.Identifiers.LongCountAsync();
    await using var ledger = await NodeLedger.OpenAsync(node, clock);
    var policy = NodePolicy.Load(node);
    var pass = new RetentionPass(db, new AuditJournal(db, ledger, clock), policy, clock);
    // The pass's three steps timed one by one: the pass run last finds the purge done and journals it.
    var assign = Stopwatch.StartNew();
    var reviewed = await ReviewDates.AssignAsync(db, policy.Current.Retention);
    assign.Stop();
    var purge = Stopwatch.StartNew();
    var run = await RecordPurge.RunAsync(db, policy.Current.Retention.PurgeBefore(Liaison.Core.Policy.Retention.RetentionDay.Today(clock)), "bench", clock.GetUtcNow());
    purge.Stop();
    var journal = Stopwatch.StartNew();
    await pass.RunAsync("bench");
    journal.Stop();
    var left = await db.Records.LongCountAsync();
    if (run.Records != overdue || left != kept || await db.Set<PurgeRunRow>().AnyAsync(r => r.LedgerIndex == null))
    {
        throw new InvalidOperationException($"expected {overdue} purged, {kept} kept and the run journalled; got {run.Records} purged and {left} left");
    }
    var total = assign.Elapsed + purge.Elapsed + journal.Elapsed;
    Console.WriteLine($"{provider}: {overdue + kept:N0} records ({identifiers:N0} identifiers) imported in {load.Elapsed.TotalSeconds:F1} s");
    Console.WriteLine($"  purge transaction: {run.Records:N0} records + {run.Identifiers:N0} identifiers in {purge.Elapsed.TotalSeconds:F2} s = {run.Records / purge.Elapsed.TotalSeconds:N0} records/s");
    Console.WriteLine($"  whole pass: review dates {assign.Elapsed.TotalSeconds:F2} s ({reviewed:N0} set) + purge {purge.Elapsed.TotalSeconds:F2} s + ledger "
        + $"{journal.Elapsed.TotalSeconds:F2} s ({(run.Records + RetentionPass.IdsPerEntry - 1) / RetentionPass.IdsPerEntry + 1} entries) = {total.TotalSeconds:F2} s "
        + $"= {run.Records / total.TotalSeconds:N0} records/s; {left:N0} records in force untouched");
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    if (database is not null)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
    Directory.Delete(dir, recursive: true);
}
