namespace Liaison.Ledger.Storage;

/// <summary>An append that would leave a gap in the log or overwrite an entry (two writers, or a stale sequencer).</summary>
public sealed class LedgerSequenceException : Exception
{
    public LedgerSequenceException(long expectedIndex, long actualIndex)
        : base($"the ledger expected entry {expectedIndex} next but was given entry {actualIndex}")
    {
        ExpectedIndex = expectedIndex;
        ActualIndex = actualIndex;
    }

    public LedgerSequenceException(string message)
        : base(message)
    {
    }

    public LedgerSequenceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public LedgerSequenceException()
        : this("out-of-sequence ledger append")
    {
    }

    public long ExpectedIndex { get; }
    public long ActualIndex { get; }
}
