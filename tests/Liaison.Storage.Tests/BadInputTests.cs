using System.Text;
using Liaison.Core.Validation;
using Liaison.Interchange.Text;
using Liaison.Storage.Import;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.Tests;

/// <summary>
/// Each bad file gives one error naming file, line, field and reason, and leaves the database
/// exactly as it was (the good data imported before is untouched, nothing of the bad file is kept).
/// </summary>
public class BadInputTests
{
    private const string Good = """{"id":"p-good","schema":"Person","properties":{"name":["Ana Popescu"],"phone":["+40 721 234 567"]}}""";

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in TestNode.Providers())
        {
            foreach (var c in new[] { "malformed-json", "unknown-schema", "invalid-phone", "future-birth-date", "one-gigabyte-line", "csv-missing-column", "not-utf8" })
            {
                data.Add(provider, c);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_file_is_refused_with_file_line_field_reason_and_nothing_changes(string provider, string kind)
    {
        await using var node = await TestNode.CreateAsync(provider);
        var import = new ImportService(node.Config, node.Clock);
        await import.ImportAsync(() => Utf8(Good + "\n"), "good.jsonl", new ImportOptions { ImportedBy = "test" });
        var before = await Snapshot(node);

        var (open, file, line, field, reason) = BadFile(kind);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => import.ImportAsync(open, file, new ImportOptions { ImportedBy = "test", CaseId = "bad" }));

        Assert.True(error is InvalidRecordException or InputFormatException, error.GetType().Name + ": " + error.Message);
        Assert.Contains($"{file}:{line}:", error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{field}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, await Snapshot(node));
    }

    private static (Func<Stream> Open, string File, int Line, string Field, string Reason) BadFile(string kind) => kind switch
    {
        "malformed-json" => (() => Utf8(Good.Replace("p-good", "p2", StringComparison.Ordinal) + "\n{\"id\": \"p3\", \"schema\": \n"), "broken.jsonl", 2, "(json)", "malformed JSON"),
        "unknown-schema" => (() => Utf8(Good.Replace("p-good", "p2", StringComparison.Ordinal) + "\n{\"id\":\"s1\",\"schema\":\"Spaceship\",\"properties\":{}}\n"), "schema.jsonl", 2, "schema", "unknown schema 'Spaceship'"),
        "invalid-phone" => (() => Utf8("{\"id\":\"p9\",\"schema\":\"Person\",\"properties\":{\"phone\":[\"12\"]}}\n"), "phone.jsonl", 1, "phone", "phone number"),
        "future-birth-date" => (() => Utf8(Good.Replace("p-good", "p2", StringComparison.Ordinal) + "\n" + Good.Replace("p-good", "p3", StringComparison.Ordinal) + "\n{\"id\":\"p4\",\"schema\":\"Person\",\"properties\":{\"birthDate\":[\"2031-02-03\"]}}\n"), "dob.jsonl", 3, "birthDate", "is in the future"),
        "one-gigabyte-line" => (() => new RepeatingStream((byte)'a', 1L << 30), "huge.jsonl", 1, "(line)", "longer than"),
        "csv-missing-column" => (() => Utf8("caller,callee,start,duration\n+447911123456,+447400123456,2026-01-01T10:00:00Z,60\n+447911123456,+447400123456,2026-01-01T11:00:00Z\n"), "calls.csv", 3, "(row)", "the header has 4"),
        "not-utf8" => (() => new MemoryStream([.. Encoding.UTF8.GetBytes(Good.Replace("p-good", "p2", StringComparison.Ordinal) + "\n"), .. Encoding.Latin1.GetBytes("{\"id\":\"p5\",\"schema\":\"Person\",\"properties\":{\"name\":[\"José\"]}}\n")]), "latin1.jsonl", 2, "(encoding)", "not valid UTF-8"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(TestNode.Providers), MemberType = typeof(TestNode))]
    public async Task Csv_without_a_required_column_names_the_column(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        var error = await Assert.ThrowsAsync<InputFormatException>(() => new ImportService(node.Config, node.Clock)
            .ImportAsync(() => Utf8("caller,callee,duration\n+447911123456,+447400123456,60\n"), "nostart.csv", new ImportOptions { ImportedBy = "t", Format = "cdr" }));
        Assert.Equal("start", error.Field);
        Assert.Equal(1, error.Line);
    }

    [Theory]
    [MemberData(nameof(TestNode.Providers), MemberType = typeof(TestNode))]
    public async Task Skip_invalid_keeps_good_rows_and_writes_a_rejects_report(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        var text = Good + "\n{\"id\":\"p9\",\"schema\":\"Person\",\"properties\":{\"phone\":[\"12\"]}}\n{not json\n" + Good.Replace("p-good", "p10", StringComparison.Ordinal) + "\n";
        var result = await new ImportService(node.Config, node.Clock).ImportAsync(() => Utf8(text), "mixed.jsonl", new ImportOptions { ImportedBy = "t", SkipInvalid = true });
        Assert.Equal(2, result.Accepted);
        Assert.Equal(2, result.Rejected);
        var report = await File.ReadAllLinesAsync(result.RejectsReport!);
        Assert.Equal("file,line,record_id,field,reason", report[0]);
        Assert.StartsWith("mixed.jsonl,2,p9,phone,", report[1], StringComparison.Ordinal);
        Assert.StartsWith("mixed.jsonl,3,,(json),", report[2], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(TestNode.Providers), MemberType = typeof(TestNode))]
    public async Task The_same_file_twice_into_one_case_is_refused_unless_forced(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        var import = new ImportService(node.Config, node.Clock);
        var calls = "caller,callee,start,duration\n+447911123456,+447400123456,2026-01-01T10:00:00Z,60\n";
        await import.ImportAsync(() => Utf8(calls), "calls.csv", new ImportOptions { ImportedBy = "t" });
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => import.ImportAsync(() => Utf8(calls), "calls.csv", new ImportOptions { ImportedBy = "t" }));
        Assert.Contains("already imported", error.Message, StringComparison.Ordinal);
        await import.ImportAsync(() => Utf8(calls), "calls.csv", new ImportOptions { ImportedBy = "t", Force = true });
        await using var db = node.Db();
        Assert.Equal(2, await db.CallRecords.CountAsync());
    }

    private static MemoryStream Utf8(string s) => new(Encoding.UTF8.GetBytes(s));

    /// <summary>Counts and a digest of every row, so "unchanged" means unchanged, not merely the same size.</summary>
    private static async Task<string> Snapshot(TestNode node)
    {
        await using var db = node.Db();
        var records = await db.Records.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Id + r.PropertiesJson + r.CaseId).ToListAsync();
        var identifiers = await db.Identifiers.AsNoTracking().OrderBy(i => i.Id).Select(i => i.RecordId + i.Value).ToListAsync();
        var imports = await db.Imports.CountAsync();
        var calls = await db.CallRecords.CountAsync();
        var cases = await db.Cases.CountAsync();
        return $"{string.Join(",", records)}|{string.Join(",", identifiers)}|{imports}|{calls}|{cases}";
    }

    /// <summary>A stream of one byte repeated, without a newline: a 1 GB line that never exists on disk or in memory.</summary>
    private sealed class RepeatingStream(byte value, long length) : Stream
    {
        private long _position;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            buffer.AsSpan(offset, n).Fill(value);
            _position += n;
            return n;
        }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>An import into one case can neither write into another case nor take over another case's record.</summary>
public class CaseBoundaryImportTests
{
    private static MemoryStream Utf8(string s) => new(Encoding.UTF8.GetBytes(s));

    [Theory]
    [MemberData(nameof(TestNode.Providers), MemberType = typeof(TestNode))]
    public async Task A_record_naming_another_case_is_refused_in_an_import_into_this_one(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        var line = """{"id":"p1","schema":"Person","properties":{"name":["A B"]},"liaison":{"case":"C2"}}""" + "\n";

        var error = await Assert.ThrowsAsync<InvalidRecordException>(() => new ImportService(node.Config, node.Clock)
            .ImportAsync(() => Utf8(line), "p.jsonl", new ImportOptions { ImportedBy = "t", CaseId = "C1" }));

        Assert.Equal(("p1", "case"), (error.RecordId, error.Field));
        await using var db = node.Db();
        Assert.Equal(0, await db.Records.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestNode.Providers), MemberType = typeof(TestNode))]
    public async Task Reusing_the_id_of_another_cases_record_is_refused_and_the_record_stays(string provider)
    {
        await using var node = await TestNode.CreateAsync(provider);
        var import = new ImportService(node.Config, node.Clock);
        await import.ImportAsync(() => Utf8("""{"id":"p1","schema":"Person","properties":{"name":["Original"]}}""" + "\n"), "a.jsonl", new ImportOptions { ImportedBy = "t", CaseId = "C2" });

        var error = await Assert.ThrowsAsync<InvalidRecordException>(() => import.ImportAsync(
            () => Utf8("""{"id":"p1","schema":"Person","properties":{"name":["Hijacked"]}}""" + "\n"), "b.jsonl", new ImportOptions { ImportedBy = "t", CaseId = "C1" }));

        Assert.Equal(("p1", "id"), (error.RecordId, error.Field));
        await using var db = node.Db();
        var row = await db.Records.SingleAsync();
        Assert.Equal(("C2", "Original"), (row.CaseId, row.Caption));
    }
}
