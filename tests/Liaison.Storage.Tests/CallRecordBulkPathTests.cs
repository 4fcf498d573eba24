using System.Globalization;
using System.Text;
using Liaison.Interchange.Text;
using Liaison.Storage.Bulk;
using Liaison.Storage.Import;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.Tests;

/// <summary>
/// The hand-tuned call-record paths (multi-row SQLite inserts bound through the C API, indexes built
/// after a large import; PostgreSQL binary COPY encoded by us) store exactly what EF reads back, and a
/// failure anywhere leaves the table and its indexes as they were.
/// </summary>
public class CallRecordBulkPathTests
{
    /// <summary>More rows than the SQLite path writes before it may build the indexes at the end.</summary>
    private const int Large = SqliteBulkImportSession.DeferIndexesAfterRows + 1_001;

    [Theory]
    [MemberData(nameof(TestNode.Providers), MemberType = typeof(TestNode))]
    public async Task Every_value_reads_back_as_written(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        var longCell = new string('c', 100_000);
        var csv = new StringBuilder("caller,callee,start,duration,cell_id,lat,lon\n")
            .Append("07911 123456,+31612345678,2026-03-01T10:00:00.1234567Z,0,Zürich-7,-89.999999,179.5\n")
            .Append("+447911123456,0031 6 12345678,2026-03-01T11:00:00+01:00,2147483647,,,\n")
            .Append(CultureInfo.InvariantCulture, $"+447911123456,+31612345678,2026-03-01 12:00:00,60,{longCell},,\n");
        for (var i = 0; i < 40; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"+447911123456,+31612345678,2026-03-02T00:00:{i:00}Z,{i},CELL-{i},,\n");
        }

        var result = await Import(node, csv.ToString(), "values.csv");

        await using var db = node.Db();
        var calls = await db.CallRecords.AsNoTracking().OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(43, calls.Count);
        Assert.All(calls, c => Assert.Equal((result.ImportId, "C1", "+447911123456", "+31612345678"), (c.ImportId, c.CaseId, c.Caller, c.Callee)));
        // PostgreSQL keeps microseconds (as Npgsql writes them); SQLite keeps all seven digits.
        var fraction = provider == "postgres" ? 1_234_560 : 1_234_567;
        Assert.Equal(new DateTime(2026, 3, 1, 10, 0, 0).AddTicks(fraction), Utc(calls[0].StartedAt));
        Assert.Equal(("Zürich-7", -89.999999, 179.5, 0), (calls[0].CellId, calls[0].Latitude, calls[0].Longitude, calls[0].DurationSeconds));
        Assert.Equal((new DateTime(2026, 3, 1, 10, 0, 0), 2147483647, (string?)null, (double?)null, (double?)null),
            (Utc(calls[1].StartedAt), calls[1].DurationSeconds, calls[1].CellId, calls[1].Latitude, calls[1].Longitude));
        Assert.Equal((new DateTime(2026, 3, 1, 12, 0, 0), longCell), (Utc(calls[2].StartedAt), calls[2].CellId));
        Assert.Equal(Enumerable.Range(0, 40).Select(i => ($"CELL-{i}", i, new DateTime(2026, 3, 2, 0, 0, i))),
            calls.Skip(3).Select(c => (c.CellId!, c.DurationSeconds, Utc(c.StartedAt))));
    }

    [Theory]
    [MemberData(nameof(TestNode.Providers), MemberType = typeof(TestNode))]
    public async Task A_large_import_into_an_empty_node_keeps_every_row_in_order_and_the_same_indexes(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        var indexes = await Indexes(node);

        await Import(node, Calls(Large), "large.csv");

        Assert.Equal(indexes, await Indexes(node));
        await using var db = node.Db();
        Assert.Equal(Large, await db.CallRecords.CountAsync());
        var durations = await db.CallRecords.AsNoTracking().OrderBy(c => c.Id).Select(c => c.DurationSeconds).ToListAsync();
        Assert.Equal(Enumerable.Range(0, Large), durations);
        Assert.Equal(Large / 2 + 1, await db.CallRecords.CountAsync(c => c.CaseId == "C1" && c.Caller == "+447911123456"));
    }

    [Theory]
    [MemberData(nameof(TestNode.Providers), MemberType = typeof(TestNode))]
    public async Task A_bad_last_row_of_a_large_import_leaves_rows_and_indexes_as_they_were(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        await Import(node, Calls(10), "small.csv");
        var indexes = await Indexes(node);

        var error = await Assert.ThrowsAsync<InputFormatException>(() => Import(node, Calls(Large) + "+447911123456,12,2026-03-01T00:00:00Z,1,CELL-1\n", "bad.csv"));

        Assert.Equal(($"bad.csv", (long)Large + 2, "callee"), (error.File, error.Line, error.Field));
        Assert.Equal(indexes, await Indexes(node));
        await using var db = node.Db();
        Assert.Equal(10, await db.CallRecords.CountAsync());
        Assert.Equal(1, await db.Imports.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestNode.Providers), MemberType = typeof(TestNode))]
    public async Task An_import_smaller_than_the_table_adds_to_it_with_the_indexes_in_place(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        await Import(node, Calls(Large), "first.csv");

        await Import(node, Calls(Large - 1_000), "second.csv");

        await using var db = node.Db();
        Assert.Equal(2 * Large - 1_000, await db.CallRecords.CountAsync());
        Assert.Equal((Large / 2) + 1 + ((Large - 1_000) / 2) + 1, await db.CallRecords.CountAsync(c => c.CaseId == "C1" && c.Caller == "+447911123456"));
    }

    private static string Calls(int rows)
    {
        var csv = new StringBuilder("caller,callee,start,duration,cell_id\n");
        var start = new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < rows; i++)
        {
            csv.Append(i % 2 == 0 ? "+447911123456" : "+31612345678").Append(',')
               .Append(i % 2 == 0 ? "+31612345678" : "+447911123456").Append(',')
               .Append(start.AddSeconds(i).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)).Append(',')
               .Append(i.ToString(CultureInfo.InvariantCulture)).Append(",CELL-").Append((i % 300).ToString(CultureInfo.InvariantCulture)).Append('\n');
        }
        return csv.ToString();
    }

    private static Task<ImportResult> Import(TestNode node, string csv, string file) =>
        new ImportService(node.Config, node.Clock).ImportAsync(() => new MemoryStream(Encoding.UTF8.GetBytes(csv)), file,
            new ImportOptions { ImportedBy = "t", CaseId = "C1", Format = "cdr" });

    private static DateTime Utc(DateTime stored) => new(stored.ToUniversalTime().Ticks);

    /// <summary>The call_records indexes as the database itself describes them.</summary>
    private static async Task<string> Indexes(TestNode node)
    {
        await using var db = node.Db();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = node.Config.Database == "postgres"
            ? "SELECT indexname || ': ' || indexdef FROM pg_indexes WHERE tablename = 'call_records' ORDER BY indexname"
            : "SELECT name || ': ' || coalesce(sql, '') FROM sqlite_master WHERE type = 'index' AND tbl_name = 'call_records' ORDER BY name";
        var lines = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }
        Assert.NotEmpty(lines);
        return string.Join("\n", lines);
    }
}
