using System.Security.Cryptography;
using System.Text;

namespace Liaison.Exchange.Envelopes;

/// <summary>A sealed message: its header (as the sender wrote it) and the compact JWE to transmit.</summary>
public sealed record SealedEnvelope(EnvelopeHeader Header, string Compact)
{
    /// <summary>SHA-256 of the compact serialisation; a receipt names it to prove which bytes arrived.</summary>
    public string Hash => HashOf(Compact);

    public static string HashOf(string compact) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(compact)));
}
