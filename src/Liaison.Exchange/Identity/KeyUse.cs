namespace Liaison.Exchange.Identity;

/// <summary>What a node key is for. A node never uses one key for both (JWK "use": "sig" / "enc").</summary>
public enum KeyUse
{
    /// <summary>ECDSA P-256, ES256: signs envelopes, receipts and the node descriptor.</summary>
    Signing,
    /// <summary>ECDH P-256: peers encrypt to it with ECDH-ES+A256KW.</summary>
    Encryption,
}
