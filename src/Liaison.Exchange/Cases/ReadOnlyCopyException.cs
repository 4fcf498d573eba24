namespace Liaison.Exchange.Cases;

/// <summary>Someone tried to change or re-originate a record that this node only holds a copy of.</summary>
public sealed class ReadOnlyCopyException(string recordId, string originNode)
    : ExchangeException($"record {recordId} is a read-only copy from {originNode}: only its originator can update or withdraw it")
{
    public string RecordId { get; } = recordId;
}
