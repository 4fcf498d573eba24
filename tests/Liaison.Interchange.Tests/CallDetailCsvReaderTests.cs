using System.Text;
using Liaison.Core.Identifiers;
using Liaison.Interchange.Csv;
using Liaison.Interchange.Text;

namespace Liaison.Interchange.Tests;

/// <summary>
/// The CDR reader splits unquoted lines in place and parses common timestamps itself; these tests pin
/// that it reads exactly what the general CSV and date parsers read, and fails with the same errors.
/// </summary>
public class CallDetailCsvReaderTests
{
    private const string Header = "caller,callee,start,duration,cell_id,lat,lon";

    [Fact]
    public void Quoted_and_unquoted_rows_read_the_same()
    {
        var plain = Read(Header + "\n07911 123456,+31 6 12345678,2026-03-01T10:00:00Z,61,CELL-7,51.5,-0.12\n");
        var quoted = Read(Header + "\n\"07911 123456\",\"+31 6 12345678\",\"2026-03-01T10:00:00Z\",\"61\",\"CELL-7\",\"51.5\",\"-0.12\"\n");

        Assert.Equal(plain, quoted);
        Assert.Equal(new CallDetailRecord("+447911123456", "+31612345678", new DateTime(2026, 3, 1, 10, 0, 0, DateTimeKind.Utc), 61, "CELL-7", 51.5, -0.12), plain[0]);
    }

    [Fact]
    public void A_quoted_field_may_hold_commas_quotes_and_a_line_break()
    {
        var calls = Read(Header + "\n+447911123456,+31612345678,2026-03-01T10:00:00Z,61,\"Dover, \"\"East\"\"\nmast\",,\n+447911123456,+31612345678,2026-03-01T10:00:07Z,5,,,\n");

        Assert.Equal("Dover, \"East\"\nmast", calls[0].CellId);
        Assert.Null(calls[1].CellId);
        Assert.Equal(2, calls.Count);
    }

    [Theory]
    [InlineData("2026-03-01T10:00:00Z", "2026-03-01T10:00:00.0000000Z")]
    [InlineData("2026-03-01 10:00:00", "2026-03-01T10:00:00.0000000Z")]
    [InlineData("2026-03-01T10:00:00", "2026-03-01T10:00:00.0000000Z")]
    [InlineData("2026-03-01T11:00:00+01:00", "2026-03-01T10:00:00.0000000Z")]
    [InlineData("2026-03-01T10:00:00.1234567Z", "2026-03-01T10:00:00.1234567Z")]
    [InlineData("2024-02-29 23:59:59Z", "2024-02-29T23:59:59.0000000Z")]
    public void Start_times_are_read_as_UTC_whatever_their_shape(string start, string utc)
    {
        var call = Read($"caller,callee,start,duration\n+447911123456,+31612345678,{start},1\n").Single();

        Assert.Equal(DateTimeKind.Utc, call.StartedAt.Kind);
        Assert.Equal(utc, call.StartedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("caller,callee,start,duration\n+447911123456,+31612345678,2026-01-01T10:00:00Z\n", 2, "(row)", "has 3 fields; the header has 4")]
    [InlineData("caller,callee,start,duration\n\"+447911123456\",+31612345678,2026-01-01T10:00:00Z,1,2\n", 2, "(row)", "has 5 fields; the header has 4")]
    [InlineData("caller,callee,start,duration\n+447911123456,+31612345678,2026-01-01T10:00:00Z,1\n12,+31612345678,2026-01-01T10:00:00Z,1\n", 3, "caller", "phone number")]
    [InlineData("caller,callee,start,duration\n+447911123456,,2026-01-01T10:00:00Z,1\n", 2, "callee", "is empty")]
    [InlineData("caller,callee,start,duration\n+447911123456,+31612345678,2026-02-30T10:00:00Z,1\n", 2, "start", "is not a date and time")]
    [InlineData("caller,callee,start,duration\n+447911123456,+31612345678,yesterday,1\n", 2, "start", "is not a date and time")]
    [InlineData("caller,callee,start,duration\n+447911123456,+31612345678,2026-01-01T10:00:00Z,-5\n", 2, "duration", "whole number of seconds")]
    [InlineData("caller,callee,start,duration\n+447911123456,+31612345678,2026-01-01T10:00:00Z,1.5\n", 2, "duration", "whole number of seconds")]
    [InlineData("caller,callee,start,duration\n+447911123456,+31612345678,2026-01-01T10:00:00Z, 60\n", 2, "duration", "whole number of seconds")]
    [InlineData("caller,callee,start,duration,lat,lon\n+447911123456,+31612345678,2026-01-01T10:00:00Z,1,91,0\n", 2, "lat", "between -90 and 90")]
    [InlineData("caller,callee,start,duration,lat,lon\n+447911123456,+31612345678,2026-01-01T10:00:00Z,1,51.5,\n", 2, "lon", "between -180 and 180")]
    public void A_bad_row_names_its_line_field_and_reason(string csv, int line, string field, string reason)
    {
        var error = Assert.Throws<InputFormatException>(() => Read(csv));

        Assert.Equal(("calls.csv", line, field), (error.File, error.Line, error.Field));
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_UTF8_line_is_refused_with_its_line_number()
    {
        var bytes = Encoding.UTF8.GetBytes("caller,callee,start,duration,cell_id\n+447911123456,+31612345678,2026-01-01T10:00:00Z,1,A\n")
            .Concat(Encoding.Latin1.GetBytes("+447911123456,+31612345678,2026-01-01T10:00:00Z,1,Zürich\n")).ToArray();

        var error = Assert.Throws<InputFormatException>(() => Read(bytes));

        Assert.Equal((3L, "(encoding)"), (error.Line, error.Field));
    }

    [Fact]
    public void Byte_order_mark_CRLF_and_blank_lines_are_tolerated()
    {
        var calls = Read(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("caller,callee,start,duration,cell_id\r\n+447911123456,+31612345678,2026-01-01T10:00:00Z,1,Zürich-7\r\n\r\n+447911123456,+31612345678,2026-01-01T10:00:01Z,2,\r\n")).ToArray());

        Assert.Equal([("Zürich-7", 1), (null, 2)], calls.Select(c => (c.CellId, c.DurationSeconds)));
    }

    [Fact]
    public void Repeated_phones_and_cells_are_one_string_each()
    {
        var calls = Read("caller,callee,start,duration,cell_id\n07911 123456,+31612345678,2026-01-01T10:00:00Z,1,C-1\n07911 123456,+31612345678,2026-01-01T10:00:01Z,2,C-1\n");

        Assert.Same(calls[0].Caller, calls[1].Caller);
        Assert.Same(calls[0].CellId, calls[1].CellId);
    }

    private static List<CallDetailRecord> Read(string csv) => Read(Encoding.UTF8.GetBytes(csv));

    private static List<CallDetailRecord> Read(byte[] bytes)
    {
        using var csv = new CsvReader(new LineReader(new MemoryStream(bytes), "calls.csv"), "calls.csv");
        var reader = new CallDetailCsvReader(csv, "calls.csv", new PhoneNumberNormalizer("GB"));
        var calls = new List<CallDetailRecord>();
        while (reader.Read() is { } call)
        {
            calls.Add(call);
        }
        return calls;
    }
}
