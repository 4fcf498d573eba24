using System.Security.Cryptography;
using System.Text;

namespace Liaison.Exchange.Envelopes;

/// <summary>
/// What goes on the wire: a compact JWE to the recipient holding one signed message (its header
/// repeated outside) or a batch of them (the outer header then describes the batch).
/// </summary>
public sealed record SealedEnvelope(EnvelopeHeader Header, string Compact)
{
    /// <summary>SHA-256 (hex) of the ASCII bytes of a compact serialisation.</summary>
    public static string HashOf(string compact) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(compact)));
}
