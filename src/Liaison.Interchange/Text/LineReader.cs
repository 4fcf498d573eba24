using System.Text;

namespace Liaison.Interchange.Text;

/// <summary>
/// Reads a text file line by line with strict UTF-8 and a maximum line length. Our own reader, not
/// StreamReader, because (1) a non-UTF-8 byte must be reported with its line number instead of being
/// replaced by U+FFFD, and (2) a 1 GB line must be refused after <see cref="MaxLineBytes"/> without
/// ever being held in memory. It is also the hot path of million-row CDR imports.
/// </summary>
public sealed class LineReader : IDisposable
{
    public const int DefaultMaxLineBytes = 16 * 1024 * 1024;
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Stream _stream;
    private readonly string _file;
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;
    private byte[] _line = new byte[4096];
    private bool _discardRestOfLine;

    private readonly bool _leaveOpen;

    /// <param name="leaveOpen">Do not dispose <paramref name="stream"/> with the reader (the caller owns it).</param>
    public LineReader(Stream stream, string file, int maxLineBytes = DefaultMaxLineBytes, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _leaveOpen = leaveOpen;
        _file = file;
        MaxLineBytes = maxLineBytes;
    }

    public int MaxLineBytes { get; }

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Bytes consumed so far (for progress bars).</summary>
    public long Position { get; private set; }

    /// <summary>The next line without its line terminator, or null at the end of the file.</summary>
    public string? ReadLine()
    {
        if (!ReadRawLine(out var bytes))
        {
            return null;
        }
        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw NotUtf8();
        }
    }

    /// <summary>
    /// The next line as UTF-8 bytes (checked to be valid UTF-8, terminator and byte-order mark removed),
    /// or false at the end of the file. The span is only valid until the next read. This is the
    /// allocation-free path of million-row CDR imports: most fields never need to become strings.
    /// </summary>
    public bool TryReadLineUtf8(out ReadOnlySpan<byte> line)
    {
        if (!ReadRawLine(out line))
        {
            return false;
        }
        if (!System.Text.Unicode.Utf8.IsValid(line))
        {
            throw NotUtf8();
        }
        return true;
    }

    private InputFormatException NotUtf8() =>
        new(_file, LineNumber, "(encoding)", "is not valid UTF-8 (convert the file to UTF-8 first)");

    private bool ReadRawLine(out ReadOnlySpan<byte> bytes)
    {
        if (_discardRestOfLine)
        {
            SkipRestOfLine();
        }
        var length = 0;
        var sawAny = false;
        while (true)
        {
            if (_start == _end)
            {
                if (_eof || !Fill())
                {
                    if (!sawAny)
                    {
                        bytes = default;
                        return false;
                    }
                    break;
                }
            }
            sawAny = true;
            var span = _buffer.AsSpan(_start, _end - _start);
            var nl = span.IndexOf((byte)'\n');
            var take = nl < 0 ? span.Length : nl;
            if (length + take > MaxLineBytes)
            {
                LineNumber++;
                _start += take;
                Position += take;
                _discardRestOfLine = nl < 0;
                if (nl >= 0)
                {
                    _start++;
                    Position++;
                }
                throw new InputFormatException(_file, LineNumber, "(line)", $"line is longer than {MaxLineBytes / (1024 * 1024)} MiB");
            }
            if (length + take > _line.Length)
            {
                Array.Resize(ref _line, Math.Max(_line.Length * 2, length + take));
            }
            span[..take].CopyTo(_line.AsSpan(length));
            length += take;
            _start += take;
            Position += take;
            if (nl >= 0)
            {
                _start++;
                Position++;
                break;
            }
        }
        LineNumber++;
        bytes = _line.AsSpan(0, length);
        if (bytes.Length > 0 && bytes[^1] == (byte)'\r')
        {
            bytes = bytes[..^1];
        }
        if (LineNumber == 1 && bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }
        return true;
    }

    /// <summary>After an over-long line, the caller may go on (skip-invalid): drop its remaining bytes.</summary>
    private void SkipRestOfLine()
    {
        _discardRestOfLine = false;
        while (_start < _end || Fill())
        {
            var nl = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
            if (nl >= 0)
            {
                _start += nl + 1;
                Position += nl + 1;
                return;
            }
            Position += _end - _start;
            _start = _end;
        }
    }

    private bool Fill()
    {
        _start = 0;
        _end = _stream.Read(_buffer, 0, _buffer.Length);
        if (_end == 0)
        {
            _eof = true;
            return false;
        }
        return true;
    }

    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }
}
