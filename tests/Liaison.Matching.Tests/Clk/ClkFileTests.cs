using Liaison.Core.Validation;
using Liaison.Matching.Clk;
using static Liaison.Matching.Tests.Clk.ClkFixtures;

namespace Liaison.Matching.Tests.Clk;

public sealed class ClkFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("liaison-clk-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Written_file_reads_back_with_the_same_filters_and_block_keys()
    {
        var schema = NameAndBirth();
        using var encoder = new ClkEncoder(schema, Secret);
        var records = new[] { Encode(encoder, "r1", "Maria", "Popescu", "19840721"), Encode(encoder, "r2", "Ion", "", "") };
        var path = Path.Combine(_dir, "a.clk");

        ClkFile.Write(path, schema, records);
        var set = ClkFile.Read(path);

        Assert.Equal(schema.Fingerprint, set.SchemaFingerprint);
        Assert.Equal(["r1", "r2"], set.Ids);
        Assert.Equal(records[0].Bits, set.Filter(0).ToArray());
        Assert.Equal(records[0].BlockKeys, set.BlockKeys[0]);
        Assert.Empty(set.BlockKeys[1]);
    }

    [Fact]
    public void Corrupt_filter_is_reported_with_file_line_and_field()
    {
        var path = Path.Combine(_dir, "bad.clk");
        File.WriteAllLines(path, [
            """{"format":"liaison-clk","version":1,"filterBits":1024,"schema":"x","count":1}""",
            """{"id":"r1","clk":"AAAA"}""",
        ]);

        var e = Assert.Throws<InvalidRecordException>(() => ClkFile.Read(path));

        Assert.Equal((path, 2L, "clk", "r1"), (e.File, e.Line, e.Field, e.RecordId));
    }

    [Fact]
    public void Csv_with_a_short_row_names_file_line_and_the_missing_field()
    {
        var path = Path.Combine(_dir, "people.csv");
        File.WriteAllLines(path, ["rec_id, given_name, surname", "rec-1, maria, popescu", "rec-2, ion"]);

        var e = Assert.Throws<InvalidRecordException>(() => CsvEncoding.EncodeFile(path, NameAndBirth(), Secret));

        Assert.Equal((path, 3L, "surname"), (e.File, e.Line, e.Field));
    }

    [Fact]
    public void Csv_without_some_schema_columns_still_encodes()
    {
        var path = Path.Combine(_dir, "people.csv");
        File.WriteAllLines(path, ["rec_id, surname, \"given_name\"", "rec-1, popescu, \"maria, ana\""]);

        var records = CsvEncoding.EncodeFile(path, NameAndBirth(), Secret);

        Assert.Single(records);
        Assert.Empty(records[0].BlockKeys);
        Assert.Contains(records[0].Bits, w => w != 0);
    }

    [Fact]
    public void Csv_with_a_repeated_record_id_is_refused()
    {
        var path = Path.Combine(_dir, "people.csv");
        File.WriteAllLines(path, ["rec_id,surname", "rec-1,a", "rec-1,b"]);

        var e = Assert.Throws<InvalidRecordException>(() => CsvEncoding.EncodeFile(path, NameAndBirth(), Secret));

        Assert.Equal(("rec-1", 3L), (e.RecordId, e.Line));
    }

    [Fact]
    public void Quoted_value_spanning_lines_is_one_field_and_errors_name_the_record_start_line()
    {
        var path = Path.Combine(_dir, "people.csv");
        File.WriteAllText(path, "rec_id,surname\nrec-1,\"pop\nescu\"\nrec-2\n");

        var e = Assert.Throws<InvalidRecordException>(() => CsvEncoding.EncodeFile(path, NameAndBirth(), Secret));

        Assert.Equal(("surname", 4L), (e.Field, e.Line));
    }
}
