namespace Liaison.Ledger.Appending;

/// <summary>The stored log does not match itself (an entry's bytes against its leaf hash, or the entries against the last signed checkpoint): the sequencer refuses to extend it.</summary>
public sealed class LedgerIntegrityException : Exception
{
    public LedgerIntegrityException(long? index, string message)
        : base(index is { } i ? $"ledger entry {i}: {message}" : message)
    {
        Index = index;
    }

    public LedgerIntegrityException(string message)
        : this(null, message)
    {
    }

    public LedgerIntegrityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LedgerIntegrityException()
        : this(null, "the ledger is not intact")
    {
    }

    /// <summary>The first entry found wrong, when one can be named.</summary>
    public long? Index { get; }
}
