using Liaison.Core.Identifiers;
using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Core.Requests;
using Liaison.Core.Requests.CallRecords;
using Liaison.Core.Validation;

namespace Liaison.Core.Tests.Requests;

public class CallDetailRecordTests
{
    private static readonly CallDetailRecordReader Reader = new(new PhoneNumberNormalizer("US"));

    private static DataAccessRequest Request => RequestFixtures.CloudAct() with
    {
        Period = new(new(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new(2025, 3, 1, 0, 0, 0, TimeSpan.Zero)),
    };

    private static CdrImport Read(string csv) => Reader.Read(Request, "cdr.csv", new StringReader(csv));

    [Fact]
    public void Rows_are_normalised_and_point_back_to_the_request()
    {
        var import = Read(
            "caller,callee,start,duration,cell_id\r\n" +
            "+44 7911 123456,(202) 555-0143,2025-02-01T14:03:00Z,61,\"234-15,1201\"\r\n" +
            "2025550143,+447911123456,2025-02-01T15:00:00-05:00,00:02:05,\r\n");
        Assert.True(import.IsClean, string.Join("; ", import.Errors));
        Assert.Equal(2, import.Rows.Count);
        var first = import.Rows[0];
        Assert.Equal(("+447911123456", "+12025550143", TimeSpan.FromSeconds(61), "234-15,1201"), (first.Caller, first.Callee, first.Duration, first.CellId));
        Assert.Equal(new EvidenceProvenance("req-1", "cdr.csv", 2), first.Provenance);
        Assert.Equal(new DateTimeOffset(2025, 2, 1, 20, 0, 0, TimeSpan.Zero), import.Rows[1].Start);
        Assert.Equal(TimeSpan.FromSeconds(125), import.Rows[1].Duration);
        Assert.Null(import.Rows[1].CellId);
    }

    [Fact]
    public void Header_may_be_in_any_order_and_lf_line_ends_are_accepted()
    {
        var import = Read("start,cell_id,duration,callee,caller\n2025-02-01T14:03:00Z,c1,5,+12025550143,+447911123456\n");
        Assert.True(import.IsClean);
        Assert.Equal(("+447911123456", "c1"), (import.Rows[0].Caller, import.Rows[0].CellId));
    }

    [Theory]
    [InlineData("+447911123456,12,2025-02-01T14:03:00Z,61,c1", "callee")]
    [InlineData("+447911123456,+12025550143,2025-02-01 14:03:00,61,c1", "start")]
    [InlineData("+447911123456,+12025550143,2025-02-01T14:03:00,61,c1", "start")]
    [InlineData("+447911123456,+12025550143,2025-02-01T14:03:00Z,-4,c1", "duration")]
    [InlineData("+447911123456,+12025550143,2025-02-01T14:03:00Z,999999,c1", "duration")]
    [InlineData("+447911123456,+12025550143,2025-02-01T14:03:00Z,61", "(row)")]
    [InlineData("+447911123456,+12025550143,2024-12-31T23:59:59Z,61,c1", "start")]
    [InlineData("+12025550199,+12025550143,2025-02-01T14:03:00Z,61,c1", "caller")]
    [InlineData("+447911123456,+12025550143,2025-02-01T14:03:00Z,61,\"c1", "(csv)")]
    [InlineData("+447911123456,+12025550143,2025-02-01T14:03:00Z,61,c\"1", "(csv)")]
    public void Errors_name_the_file_line_and_field_but_not_the_value(string row, string field)
    {
        var import = Read("caller,callee,start,duration,cell_id\r\n+447911123456,+12025550143,2025-02-01T14:03:00Z,61,c0\r\n" + row + "\r\n");
        var e = Assert.Single(import.Errors);
        Assert.Equal(("cdr.csv", 3L, field), (e.File, e.Line, e.Field));
        Assert.DoesNotContain("555", e.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("7911", e.Reason, StringComparison.Ordinal);
        Assert.Single(import.Rows);
    }

    [Theory]
    [InlineData("caller,callee,start,duration", "cell_id")]
    [InlineData("caller,callee,start,duration,cell_id,imsi", "imsi")]
    [InlineData("caller,callee,start,start,duration,cell_id", "start")]
    [InlineData("", "(empty)")]
    public void Header_must_be_the_contract(string header, string field)
    {
        var import = Read(header + "\r\n+447911123456,+12025550143,2025-02-01T14:03:00Z,61,c1\r\n");
        Assert.Contains(import.Errors, e => e.Line == 1 && e.Field == field);
        Assert.Empty(import.Rows);
    }

    [Fact]
    public void Empty_file_is_an_error()
    {
        var e = Assert.Single(Read("").Errors);
        Assert.Equal("(header)", e.Field);
    }

    [Fact]
    public void Quoted_field_spanning_lines_keeps_the_line_numbers_right()
    {
        var import = Read("caller,callee,start,duration,cell_id\r\n+447911123456,+12025550143,2025-02-01T14:03:00Z,61,\"cell\r\nA\"\r\n+447911123456,bad,2025-02-01T14:03:00Z,61,c\r\n");
        Assert.Equal([(2L, "cell_id"), (4L, "callee")], import.Errors.Select(e => (e.Line, e.Field)));
    }

    [Fact]
    public void First_error_can_be_thrown_as_an_invalid_record_with_its_location()
    {
        var import = Read("caller,callee,start,duration,cell_id\r\n+447911123456,+12025550143,yesterday,61,c1\r\n");
        var e = Assert.Throws<InvalidRecordException>(import.ThrowIfInvalid);
        Assert.Equal(("cdr.csv", 2L, "start"), (e.File, e.Line, e.Field));
        Assert.StartsWith("cdr.csv:2: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Imported_calls_become_valid_case_records_with_provenance()
    {
        var import = Read("caller,callee,start,duration,cell_id\r\n+447911123456,+12025550143,2025-02-01T14:03:00Z,61,c1\r\n+12025550143,+447911123456,2025-02-02T09:00:00Z,30,\r\n");
        var envelope = new RecordEnvelope
        {
            OriginAgency = "gb-nca",
            OriginNode = "node-gb",
            CaseId = "case-heroin-7",
            LegalBasis = "US–UK Data Access Agreement; overseas production order",
            Handling = Handling.LawEnforcementOnly,
            Provenance = new Provenance("peer:us-telco", RequestFixtures.Start, "lo-cat"),
        };
        var records = CallDetailRecordEntities.From(import.Rows, envelope);
        Assert.Equal(["Phone", "Phone", "Call", "Call"], records.Select(r => r.Schema).Order(StringComparer.Ordinal).Reverse());
        var validator = new RecordValidator(new PhoneNumberNormalizer("GB"), new Microsoft.Extensions.Time.Testing.FakeTimeProvider(RequestFixtures.Start));
        Assert.All(records, r => validator.Validate(r));
        var call = records.First(r => r.Schema == "Call");
        Assert.Equal(["phone:+447911123456"], call.Values("caller"));
        Assert.Equal(("file:cdr.csv", "request:req-1;line:2", "lo-cat"), (call.Envelope.Provenance.Source, call.Envelope.Provenance.SourceLocator, call.Envelope.Provenance.ReceivedBy));
        Assert.Equal("file", call.Envelope.Provenance.Channel);
    }
}
