namespace Liaison.Ledger.Notes;

/// <summary>Text that is not a well-formed signed note, key or checkpoint.</summary>
public sealed class NoteFormatException : Exception
{
    public NoteFormatException(string message)
        : base(message)
    {
    }

    public NoteFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NoteFormatException()
        : this("malformed note")
    {
    }
}
