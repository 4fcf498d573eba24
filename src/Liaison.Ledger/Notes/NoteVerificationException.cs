namespace Liaison.Ledger.Notes;

/// <summary>A note whose signatures do not establish it: none from a trusted key, or one from a trusted key that does not verify (forgery or tampering).</summary>
public sealed class NoteVerificationException : Exception
{
    public NoteVerificationException(string message)
        : base(message)
    {
    }

    public NoteVerificationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NoteVerificationException()
        : this("the note has no valid signature from a trusted key")
    {
    }
}
