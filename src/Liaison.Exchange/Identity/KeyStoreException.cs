namespace Liaison.Exchange.Identity;

/// <summary>The node's key folder cannot be created, read or changed (missing, wrong passphrase, bad state).</summary>
public sealed class KeyStoreException(string message, Exception? inner = null) : ExchangeException(message, inner);
