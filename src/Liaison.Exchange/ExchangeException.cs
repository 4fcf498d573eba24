namespace Liaison.Exchange;

/// <summary>
/// Base of every failure the exchange reports on purpose. Messages name message ids, node ids and
/// key ids only — never payload content or anything about a person — so they can be logged and
/// returned to a peer as they are.
/// </summary>
public abstract class ExchangeException : Exception
{
    protected ExchangeException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
