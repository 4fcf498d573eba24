using System.Globalization;
using System.Text;
using Liaison.Interchange.Text;

namespace Liaison.Interchange.Tests;

/// <summary>The fast timestamp path may decline anything, but what it accepts must be what DateTimeOffset.TryParse reads.</summary>
public class Utf8TimestampTests
{
    [Theory]
    [InlineData("2026-03-01T10:00:00Z")]
    [InlineData("2026-03-01 10:00:00")]
    [InlineData("2026-03-01T10:00:00")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31 23:59:59Z")]
    public void Common_CDR_shapes_take_the_fast_path(string text) =>
        Assert.True(Utf8Timestamp.TryParseUtc(Encoding.UTF8.GetBytes(text), out _));

    [Theory]
    [InlineData("2026-03-01T10:00:00+01:00")]
    [InlineData("2026-03-01T10:00:00.5Z")]
    [InlineData("2026-3-01T10:00:00Z")]
    [InlineData("2026-03-01T10:00:00z")]
    [InlineData("2026-03-01X10:00:00Z")]
    [InlineData(" 2026-03-01T10:00:00")]
    public void Other_shapes_are_left_to_the_general_parser(string text) =>
        Assert.False(Utf8Timestamp.TryParseUtc(Encoding.UTF8.GetBytes(text), out _));

    /// <summary>Every month length, leap years, the ends of each field's range and one past them.</summary>
    public static TheoryData<string> Candidates()
    {
        var data = new TheoryData<string>();
        foreach (var year in new[] { "0000", "0001", "1900", "2000", "2023", "2024", "2100", "9999" })
        {
            foreach (var month in new[] { "00", "01", "02", "04", "12", "13" })
            {
                foreach (var day in new[] { "00", "01", "28", "29", "30", "31", "32" })
                {
                    data.Add($"{year}-{month}-{day}T00:00:00Z");
                }
            }
        }
        foreach (var time in new[] { "00:00:00", "23:59:59", "24:00:00", "23:60:00", "23:59:60", "1a:00:00", "-1:00:00" })
        {
            data.Add($"2026-03-01T{time}Z");
            data.Add($"2026-03-01 {time}");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Candidates))]
    public void What_the_fast_path_accepts_the_general_parser_reads_the_same(string text)
    {
        if (!Utf8Timestamp.TryParseUtc(Encoding.UTF8.GetBytes(text), out var fast))
        {
            return;
        }
        Assert.True(DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var general), text);
        Assert.Equal(general.UtcDateTime, fast);
        Assert.Equal(DateTimeKind.Utc, fast.Kind);
    }

    [Theory]
    [InlineData("2023-02-29T00:00:00Z")]
    [InlineData("2026-04-31T00:00:00Z")]
    [InlineData("2026-13-01T00:00:00Z")]
    [InlineData("2026-03-01T24:00:00Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    public void Impossible_dates_are_never_accepted_by_the_fast_path(string text) =>
        Assert.False(Utf8Timestamp.TryParseUtc(Encoding.UTF8.GetBytes(text), out _));
}
