using System.Text;
using System.Text.Json;
using Liaison.Node.Retention;
using Liaison.Node.Web.Graph;
using Liaison.Storage.Import;
using Liaison.Storage.Records;
using Liaison.Storage.Retention;
using Liaison.Storage.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Node.Tests.Retention;

/// <summary>
/// Call-detail rows under retention on a served node (clock at 2026-11-20): two imports into case C1
/// between two numbers the case holds as Phone records; the first import's rows are made overdue and
/// must vanish from counts, graph, export and analysis, then be purged and journalled, leaving the
/// second import as it was.
/// </summary>
public sealed class CallRecordRetentionTests
{
    public static TheoryData<string> Providers() => TestNode.Providers();

    private static readonly DateOnly Today = new(2026, 11, 20);

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Overdue_call_records_are_hidden_from_counts_graph_and_export_then_purged_and_journalled(string provider)
    {
        await using var node = await RunningNode.StartAsync(provider);
        var (old, fresh) = await ImportAsync(node);
        using var scope = node.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Storage.LiaisonDb>();

        var first = await scope.ServiceProvider.GetRequiredService<RetentionPass>().RunAsync("test");
        Assert.Equal(5, first.CallRecordReviewDatesSet);
        Assert.All(await db.CallRecords.AsNoTracking().Select(c => c.ReviewDate).ToListAsync(), d => Assert.Equal(Today.AddYears(1), d));

        // As a shorter period after a policy change would: the old import is overdue, inside the grace period.
        await db.CallRecords.Where(c => c.ImportId == old).ExecuteUpdateAsync(s => s.SetProperty(c => c.ReviewDate, new DateOnly(2026, 11, 10)));

        Assert.Equal(2, await CaseCallCountAsync(node));
        var graph = await scope.ServiceProvider.GetRequiredService<CaseGraphBuilder>().BuildAsync("C1", default);
        Assert.Equal(2, Assert.Single(graph.Edges, e => e.Schema == "Call").Weight);
        var exported = await CaseRecords.ReadAsync(db, "C1", Today).Where(r => r.Schema == "Call").Select(r => r.Id).ToListAsync();
        Assert.Equal(2, exported.Count);
        Assert.All(exported, id => Assert.StartsWith($"call-{fresh}-", id, StringComparison.Ordinal));
        Assert.Equal(5, await db.CallRecords.CountAsync());
        Assert.Equal((3L, 0L), await ReviewCountsAsync(node, "dpo"));

        // Beyond the grace period: the next pass deletes them, by count, in the ledger.
        await db.CallRecords.Where(c => c.ImportId == old).ExecuteUpdateAsync(s => s.SetProperty(c => c.ReviewDate, new DateOnly(2026, 10, 1)));
        var purge = await scope.ServiceProvider.GetRequiredService<RetentionPass>().RunAsync("test");

        Assert.Equal((3L, 0L), (purge.CallRecordsPurged, purge.RecordsPurged));
        Assert.Equal([fresh, fresh], await db.CallRecords.AsNoTracking().Select(c => c.ImportId).ToListAsync());
        var entry = await db.Audit.AsNoTracking().SingleAsync(a => a.Action == "retention.purge");
        Assert.Contains("0 records, 0 identifiers and 3 call-detail rows past review before 2026-10-21 purged", entry.Detail, StringComparison.Ordinal);
        Assert.Equal(3, (await db.Set<PurgeRunRow>().AsNoTracking().SingleAsync()).CallRecords);
        Assert.Equal(2, await CaseCallCountAsync(node));
        Assert.Equal((0L, 0L), await ReviewCountsAsync(node, "supervisor"));
    }

    private static async Task<(long Overdue, long Due)> ReviewCountsAsync(RunningNode node, string user)
    {
        using var json = JsonDocument.Parse(await (await node.As(user)).GetStringAsync("/api/retention/overdue"));
        var calls = json.RootElement.GetProperty("callRecords");
        return (calls.GetProperty("overdue").GetInt64(), calls.GetProperty("dueForPurge").GetInt64());
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_shorter_call_records_period_brings_dates_forward_and_a_longer_one_never_extends(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        await new ImportService(node.Config, node.Clock).ImportAsync(() => Csv(Calls("+447911000001", "+447911000002", 2)), "a.csv",
            new ImportOptions { ImportedBy = "t", CaseId = "C1", Format = "cdr" });
        await using var db = node.Db();
        var sixMonths = new Core.Policy.Retention.RetentionSchedule(new Dictionary<Core.Model.SubjectCategories, Core.Policy.Retention.RetentionPeriod>(),
            new(3, Core.Policy.Retention.RetentionUnit.Years), new(30, Core.Policy.Retention.RetentionUnit.Days), callRecords: new(6, Core.Policy.Retention.RetentionUnit.Months));

        var byDefault = await CallRecordRetention.AssignAsync(db, Core.Policy.Retention.RetentionSchedule.Default, Today);
        var shorter = await CallRecordRetention.AssignAsync(db, sixMonths, Today);
        var longerAgain = await CallRecordRetention.AssignAsync(db, Core.Policy.Retention.RetentionSchedule.Default, Today);

        Assert.Equal((2L, 2L, 0L), (byDefault, shorter, longerAgain));
        Assert.All(await db.CallRecords.AsNoTracking().Select(c => c.ReviewDate).ToListAsync(), d => Assert.Equal(new DateOnly(2027, 5, 20), d));
        Assert.Equal(0, await db.CallRecords.InForce(new DateOnly(2027, 5, 21)).CountAsync());
        Assert.Equal(2, await db.CallRecords.InForce(new DateOnly(2027, 5, 20)).CountAsync());
    }

    private static async Task<long> CaseCallCountAsync(RunningNode node)
    {
        var client = await node.As("investigator");
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/cases"));
        return json.RootElement.EnumerateArray().Single(c => c.GetProperty("id").GetString() == "C1").GetProperty("callRecords").GetInt64();
    }

    private static async Task<(long Old, long Fresh)> ImportAsync(RunningNode node)
    {
        var import = new ImportService(node.Node.Config, node.Node.Clock);
        var phones = """
            {"id":"p1","schema":"Phone","properties":{"number":["+447911000001"]}}
            {"id":"p2","schema":"Phone","properties":{"number":["+447911000002"]}}

            """;
        await import.ImportAsync(() => new MemoryStream(Encoding.UTF8.GetBytes(phones)), "phones.jsonl", new ImportOptions { ImportedBy = "t", CaseId = "C1" });
        var old = await import.ImportAsync(() => Csv(Calls("+447911000001", "+447911000002", 3)), "old.csv",
            new ImportOptions { ImportedBy = "t", CaseId = "C1", Format = "cdr" });
        var fresh = await import.ImportAsync(() => Csv(Calls("+447911000002", "+447911000001", 2)), "fresh.csv",
            new ImportOptions { ImportedBy = "t", CaseId = "C1", Format = "cdr" });
        return (old.ImportId, fresh.ImportId);
    }

    private static string Calls(string from, string to, int count) =>
        "caller,callee,start,duration,cell_id,lat,lon\n"
        + string.Concat(Enumerable.Range(0, count).Select(i => $"{from},{to},2026-03-0{i + 1}T10:00:00Z,60,,,\n"));

    private static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));
}
