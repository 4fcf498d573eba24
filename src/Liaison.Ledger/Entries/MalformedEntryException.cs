namespace Liaison.Ledger.Entries;

/// <summary>Bytes that are not the canonical encoding of a <see cref="LedgerEvent"/> (corrupt, edited, or written by something else).</summary>
public sealed class MalformedEntryException : Exception
{
    public MalformedEntryException(string message)
        : base(message)
    {
    }

    public MalformedEntryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public MalformedEntryException()
        : this("malformed ledger entry")
    {
    }
}
