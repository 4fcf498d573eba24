namespace Liaison.Core.Validation;

/// <summary>
/// A record that cannot be accepted. Names the record, the field and the reason, and where the input
/// came from (file and line) when known — never the offending personal data itself.
/// </summary>
public sealed class InvalidRecordException : Exception
{
    public InvalidRecordException(string recordId, string field, string reason, string? file = null, long? line = null)
        : base(Format(recordId, field, reason, file, line))
    {
        RecordId = recordId;
        Field = field;
        Reason = reason;
        File = file;
        Line = line;
    }

    public InvalidRecordException()
        : this("?", "?", "invalid record")
    {
    }

    public InvalidRecordException(string message)
        : this("?", "?", message)
    {
    }

    public InvalidRecordException(string message, Exception innerException)
        : base(message, innerException)
    {
        RecordId = "?";
        Field = "?";
        Reason = message;
    }

    public string RecordId { get; }
    public string Field { get; }
    public string Reason { get; }
    public string? File { get; }
    public long? Line { get; }

    /// <summary>The same error located in a file and line (importers add this once they know it).</summary>
    public InvalidRecordException At(string file, long line) => new(RecordId, Field, Reason, file, line);

    private static string Format(string recordId, string field, string reason, string? file, long? line)
    {
        var where = file is null ? "" : line is null ? $"{file}: " : $"{file}:{line}: ";
        return $"{where}record '{recordId}', field '{field}': {reason}";
    }
}
