using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.Tests.Retention;

/// <summary>
/// The review list, the purge and its "anything due?" check seek the overdue rows through the
/// review-date indexes rather than scanning records, call_records or evidence_items: checked in
/// SQLite's query plans for the statements RecordPurge, OverdueRecords and the evidence purge run, and
/// on PostgreSQL (whose planner scans small tables anyway) by the indexes existing.
/// </summary>
public sealed class ReviewDateIndexTests
{
    [Theory]
    [InlineData("""SELECT "Id" FROM records WHERE "ReviewDate" IS NOT NULL AND "ReviewDate" < '2026-11-20' ORDER BY "ReviewDate", "Id" LIMIT 500""", "ix_records_review_date")]
    [InlineData("""SELECT "Id", "CaseId", "OriginNode", "ReviewDate" FROM records WHERE "ReviewDate" IS NOT NULL AND "ReviewDate" < '2026-10-21'""", "ix_records_review_date")]
    [InlineData("""SELECT count(*) FROM records WHERE "ReviewDate" IS NOT NULL AND "ReviewDate" < '2026-11-20'""", "ix_records_review_date")]
    [InlineData("""DELETE FROM call_records WHERE "ReviewDate" IS NOT NULL AND "ReviewDate" < '2026-10-21'""", "ix_call_records_review_date")]
    [InlineData("""SELECT 1 FROM call_records WHERE "ReviewDate" IS NOT NULL AND "ReviewDate" < '2026-10-21' LIMIT 1""", "ix_call_records_review_date")]
    [InlineData("""SELECT "CaseId", "Digest" FROM evidence_items WHERE "ReviewDate" IS NOT NULL AND "ReviewDate" < '2026-10-21'""", "ix_evidence_items_review_date")]
    public async Task Sqlite_seeks_overdue_rows_through_the_review_date_index(string sql, string index)
    {
        await using var node = await TestNode.CreateAsync("sqlite");
        await using var db = node.Db();

        var plan = await PlanAsync(db, sql);

        Assert.Contains("USING", plan, StringComparison.Ordinal);
        Assert.Contains(index + " (ReviewDate>? AND ReviewDate<?)", plan, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestNode.Providers), MemberType = typeof(TestNode))]
    public async Task Every_table_under_retention_has_its_review_date_index(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        await using var db = node.Db();
        var sql = provider == "postgres"
            ? "SELECT indexname AS \"Value\" FROM pg_indexes WHERE indexname LIKE 'ix_%review_date' ORDER BY indexname"
            : "SELECT name AS \"Value\" FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%review_date' ORDER BY name";

        var names = await db.Database.SqlQueryRaw<string>(sql).ToListAsync();

        Assert.Equal(["ix_call_records_review_date", "ix_evidence_items_review_date", "ix_records_review_date"], names);
    }

    private static async Task<string> PlanAsync(LiaisonDb db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var lines = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(3));
        }
        return string.Join('\n', lines);
    }
}
