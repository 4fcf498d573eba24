namespace Liaison.Node.Exchange;

/// <summary>Paths and media type of reliable node-to-node messaging.</summary>
public static class ExchangeMessages
{
    /// <summary>Where a node receives envelopes of case messages, requests and other durable messages, relative to the endpoint in its descriptor.</summary>
    public const string InboxPath = "federation/messages";

    /// <summary>RFC 7515/7516 media type of a compact JOSE serialisation: the request (a JWE) and the answer (the receipt, a JWS).</summary>
    public const string JoseMediaType = "application/jose";
}
