using System.Text;
using Liaison.Interchange.Text;

namespace Liaison.Interchange.Tests;

/// <summary>The byte path (TryReadLineUtf8) and the string path (ReadLine) must agree on every line, good or bad.</summary>
public class LineReaderTests
{
    public static TheoryData<byte[]> InvalidUtf8() => new()
    {
        new byte[] { 0xC0, 0xAF },             // overlong '/'
        new byte[] { 0xED, 0xA0, 0x80 },       // a UTF-16 surrogate
        new byte[] { 0xF4, 0x90, 0x80, 0x80 }, // past U+10FFFF
        new byte[] { 0xE2, 0x82 },             // truncated sequence
        new byte[] { 0x80 },                   // lone continuation byte
        new byte[] { 0xE9 },                   // Latin-1 'é'
    };

    [Theory]
    [MemberData(nameof(InvalidUtf8))]
    public void Invalid_UTF8_is_refused_on_both_paths_with_the_same_line_and_field(byte[] bad)
    {
        var bytes = Encoding.UTF8.GetBytes("ok\nalso ok\n").Concat(bad).Concat("\n"u8.ToArray()).ToArray();

        var viaString = Assert.Throws<InputFormatException>(() => Drain(bytes, utf8: false));
        var viaBytes = Assert.Throws<InputFormatException>(() => Drain(bytes, utf8: true));

        Assert.Equal(viaString.Message, viaBytes.Message);
        Assert.Equal((3L, "(encoding)"), (viaBytes.Line, viaBytes.Field));
    }

    [Fact]
    public void Both_paths_return_the_same_lines()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("first\r\n\r\nZürich 北京 🚓\nlast without newline")).ToArray();

        Assert.Equal(Drain(bytes, utf8: false), Drain(bytes, utf8: true));
        Assert.Equal(["first", "", "Zürich 北京 🚓", "last without newline"], Drain(bytes, utf8: true));
    }

    [Fact]
    public void A_line_over_the_limit_is_refused_on_the_byte_path_too()
    {
        var bytes = Encoding.UTF8.GetBytes("short\n" + new string('x', 5000) + "\nafter\n");

        var error = Assert.Throws<InputFormatException>(() => Drain(bytes, utf8: true, maxLineBytes: 4096));

        Assert.Equal((2L, "(line)"), (error.Line, error.Field));
    }

    private static List<string> Drain(byte[] bytes, bool utf8, int maxLineBytes = LineReader.DefaultMaxLineBytes)
    {
        using var reader = new LineReader(new MemoryStream(bytes), "f.txt", maxLineBytes);
        var lines = new List<string>();
        if (utf8)
        {
            while (reader.TryReadLineUtf8(out var line))
            {
                lines.Add(Encoding.UTF8.GetString(line));
            }
        }
        else
        {
            while (reader.ReadLine() is { } line)
            {
                lines.Add(line);
            }
        }
        return lines;
    }
}
