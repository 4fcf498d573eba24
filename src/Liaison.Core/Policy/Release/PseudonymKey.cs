using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Liaison.Core.Policy.Release;

/// <summary>
/// The node's secret for keyed pseudonyms: HMAC-SHA256(secret, len(recipient) ‖ recipient ‖ key),
/// truncated to 128 bits and written "PSN-" + 32 hex digits. The same recipient always gets the same
/// pseudonym for the same person, so it can correlate across shares; two recipients get unrelated
/// pseudonyms, and without the secret nobody can test a guessed name against one.
/// </summary>
public sealed class PseudonymKey
{
    public const int MinimumSecretBytes = 32;
    public const string Prefix = "PSN-";

    private readonly byte[] secret;

    public PseudonymKey(ReadOnlySpan<byte> secret)
    {
        if (secret.Length < MinimumSecretBytes)
        {
            throw new ArgumentException($"a pseudonym secret needs at least {MinimumSecretBytes} bytes", nameof(secret));
        }
        this.secret = secret.ToArray();
    }

    /// <summary>A fresh secret for a new node; store it with the node's keys (losing it breaks correlation for recipients).</summary>
    public static PseudonymKey Generate() => new(RandomNumberGenerator.GetBytes(MinimumSecretBytes));

    /// <summary>The pseudonym of <paramref name="nameKey"/> (a normalised identifier such as "name:jane doe") for one recipient.</summary>
    public string Pseudonym(string recipientScope, string nameKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(recipientScope);
        ArgumentNullException.ThrowIfNull(nameKey);
        // Length-prefix the recipient so ("ab", "c") and ("a", "bc") cannot collide.
        var recipient = Encoding.UTF8.GetBytes(recipientScope);
        var key = Encoding.UTF8.GetBytes(nameKey);
        var message = new byte[4 + recipient.Length + key.Length];
        BinaryPrimitives.WriteInt32BigEndian(message, recipient.Length);
        recipient.CopyTo(message, 4);
        key.CopyTo(message, 4 + recipient.Length);
        var mac = HMACSHA256.HashData(secret, message);
        return Prefix + Convert.ToHexString(mac, 0, 16);
    }
}
