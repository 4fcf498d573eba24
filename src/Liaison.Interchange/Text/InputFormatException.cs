namespace Liaison.Interchange.Text;

/// <summary>A file that cannot be read as its format: names the file, line, field and reason.</summary>
public sealed class InputFormatException : Exception
{
    public InputFormatException(string file, long line, string field, string reason)
        : base($"{file}:{line}: field '{field}': {reason}")
    {
        File = file;
        Line = line;
        Field = field;
        Reason = reason;
    }

    public InputFormatException()
        : this("?", 0, "?", "unreadable input")
    {
    }

    public InputFormatException(string message)
        : this("?", 0, "?", message)
    {
    }

    public InputFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "?";
        Field = "?";
        Reason = message;
    }

    public string File { get; }
    public long Line { get; }
    public string Field { get; }
    public string Reason { get; }
}
