using System.Text;
using Liaison.Ledger.Entries;

namespace Liaison.Ledger.Tests.Entries;

public sealed class CanonicalEntryEncodingTests
{
    [Fact]
    public void Event_encodes_to_sorted_compact_json_with_sorted_subjects()
    {
        var e = new LedgerEvent
        {
            Type = LedgerEventType.Share,
            Actor = "user:ana",
            Case = "C-1",
            Subjects = ["r2", "r1", "r2"],
            Decision = "allow",
            Time = new DateTimeOffset(2026, 1, 2, 4, 4, 5, TimeSpan.FromHours(1)),
            Detail = new Dictionary<string, string> { ["z"] = "1", ["peer"] = "nl\t\"x\"" },
        };

        var json = Encoding.UTF8.GetString(CanonicalEntryEncoding.Encode(e));

        Assert.Equal("{\"actor\":\"user:ana\",\"case\":\"C-1\",\"decision\":\"allow\",\"detail\":{\"peer\":\"nl\\t\\\"x\\\"\",\"z\":\"1\"}," +
                     "\"subjects\":[\"r1\",\"r2\"],\"time\":\"2026-01-02T03:04:05.0000000Z\",\"type\":\"share\",\"v\":\"1\"}", json);
    }

    [Fact]
    public void Decoding_returns_the_same_event()
    {
        var e = Sample.Event(42) with { Actor = "user:zoë\u0001" };

        var back = CanonicalEntryEncoding.Decode(CanonicalEntryEncoding.Encode(e));

        Assert.Equal(e, back);
        Assert.Equal(e.Actor, back.Actor);
    }

    [Theory]
    [InlineData("{\"actor\":\"a\", \"time\":\"2026-01-02T03:04:05.0000000Z\",\"type\":\"read\",\"v\":\"1\"}")] // whitespace
    [InlineData("{\"time\":\"2026-01-02T03:04:05.0000000Z\",\"actor\":\"a\",\"type\":\"read\",\"v\":\"1\"}")] // key order
    [InlineData("{\"actor\":\"\\u0061\",\"time\":\"2026-01-02T03:04:05.0000000Z\",\"type\":\"read\",\"v\":\"1\"}")] // needless escape
    [InlineData("{\"actor\":\"a\",\"time\":\"2026-01-02T03:04:05Z\",\"type\":\"read\",\"v\":\"1\"}")] // other time spelling
    [InlineData("{\"actor\":\"a\",\"subjects\":[],\"time\":\"2026-01-02T03:04:05.0000000Z\",\"type\":\"read\",\"v\":\"1\"}")] // empty list present
    [InlineData("{\"actor\":\"a\",\"time\":\"2026-01-02T03:04:05.0000000Z\",\"type\":\"read\",\"v\":\"1\",\"x\":\"1\"}")] // unknown field
    [InlineData("{\"actor\":\"a\",\"time\":\"2026-01-02T03:04:05.0000000Z\",\"type\":\"reed\",\"v\":\"1\"}")] // unknown type
    [InlineData("[1]")]
    public void Non_canonical_or_foreign_bytes_are_rejected(string json)
    {
        Assert.Throws<MalformedEntryException>(() => CanonicalEntryEncoding.Decode(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Canonical_minimal_entry_is_accepted()
    {
        var e = CanonicalEntryEncoding.Decode("{\"actor\":\"a\",\"time\":\"2026-01-02T03:04:05.0000000Z\",\"type\":\"hit-run\",\"v\":\"1\"}"u8);

        Assert.Equal(LedgerEventType.HitRun, e.Type);
    }

    [Fact]
    public void Text_that_is_not_unicode_cannot_be_journalled()
    {
        var e = Sample.Event(1) with { Actor = "\ud800" };

        Assert.Throws<ArgumentException>(() => CanonicalEntryEncoding.Encode(e));
    }
}
