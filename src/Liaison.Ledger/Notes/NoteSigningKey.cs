using System.Buffers.Binary;
using System.Text;
using NSec.Cryptography;

namespace Liaison.Ledger.Notes;

/// <summary>
/// An Ed25519 private key that signs notes under a key name: the node's checkpoint key (type 0x01) or a
/// witness's cosigning key (type 0x04). Text form as in golang.org/x/mod/sumdb/note:
/// <c>PRIVATE+KEY+name+hexkeyid+base64(type || 32-byte seed)</c> — a secret, to be kept by the operator.
/// </summary>
public sealed class NoteSigningKey : IDisposable
{
    private const string PrivatePrefix = "PRIVATE+KEY+";
    private readonly Key _key;

    private NoteSigningKey(string name, NoteKeyType type, Key key)
    {
        Name = name;
        Type = type;
        _key = key;
        VerifierKey = NoteVerifierKey.FromPublicKey(name, type, key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    public string Name { get; }
    public NoteKeyType Type { get; }

    /// <summary>The public half, to publish.</summary>
    public NoteVerifierKey VerifierKey { get; }

    public uint KeyId => VerifierKey.KeyId;

    /// <summary>Creates a fresh key (randomness from the operating system via libsodium).</summary>
    public static NoteSigningKey Generate(string name, NoteKeyType type = NoteKeyType.Ed25519)
    {
        if (!NoteKeyId.IsValidName(name))
        {
            throw new NoteFormatException("a key name must be non-empty, without spaces or '+'");
        }
        var key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        return new NoteSigningKey(name, type, key);
    }

    /// <summary>Builds the key from its 32-byte Ed25519 seed.</summary>
    public static NoteSigningKey FromSeed(string name, NoteKeyType type, ReadOnlySpan<byte> seed)
    {
        if (!NoteKeyId.IsValidName(name))
        {
            throw new NoteFormatException("a key name must be non-empty, without spaces or '+'");
        }
        if (seed.Length != 32 || !Enum.IsDefined(type))
        {
            throw new NoteFormatException("an Ed25519 private key is a 32-byte seed");
        }
        var key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey,
            new KeyCreationParameters { ExportPolicy = KeyExportPolicies.AllowPlaintextExport });
        return new NoteSigningKey(name, type, key);
    }

    /// <summary>Parses <c>PRIVATE+KEY+name+hexkeyid+base64(type || seed)</c>, checking the key ID.</summary>
    public static NoteSigningKey Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.StartsWith(PrivatePrefix, StringComparison.Ordinal))
        {
            throw new NoteFormatException("a signing key starts with PRIVATE+KEY+");
        }
        var parts = text[PrivatePrefix.Length..].Split('+', 3);
        if (parts.Length != 3 || parts[1].Length != 8 || !parts[1].All(char.IsAsciiHexDigitLower))
        {
            throw new NoteFormatException("a signing key reads PRIVATE+KEY+name+hexkeyid+base64key");
        }
        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(parts[2]);
        }
        catch (FormatException e)
        {
            throw new NoteFormatException("the signing key is not base64", e);
        }
        if (blob.Length != 33 || Convert.ToBase64String(blob) != parts[2])
        {
            throw new NoteFormatException("the signing key is not a type byte and a 32-byte seed");
        }
        var key = FromSeed(parts[0], (NoteKeyType)blob[0], blob.AsSpan(1));
        if (!string.Equals(key.KeyId.ToString("x8", System.Globalization.CultureInfo.InvariantCulture), parts[1], StringComparison.Ordinal))
        {
            key.Dispose();
            throw new NoteFormatException("the key ID does not match the key");
        }
        return key;
    }

    /// <summary>The secret text form. Write it only to a protected key file.</summary>
    public string ToPrivateString()
    {
        var seed = _key.Export(KeyBlobFormat.RawPrivateKey);
        try
        {
            return $"{PrivatePrefix}{Name}+{KeyId:x8}+{Convert.ToBase64String([(byte)Type, .. seed])}";
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(seed);
        }
    }

    /// <summary>Signs note text with an Ed25519 (type 0x01) key.</summary>
    public NoteSignature Sign(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Type != NoteKeyType.Ed25519)
        {
            throw new InvalidOperationException("a cosigning key signs with Cosign, which adds the timestamp");
        }
        return new NoteSignature(Name, KeyId, SignatureAlgorithm.Ed25519.Sign(_key, Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Cosigns note text with a type 0x04 key: C2SP tlog-cosignature v1, timestamped.</summary>
    public NoteSignature Cosign(string text, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Type != NoteKeyType.CosignatureV1)
        {
            throw new InvalidOperationException("only a cosignature/v1 key cosigns");
        }
        var timestamp = (ulong)time.ToUnixTimeSeconds();
        var signature = new byte[8 + 64];
        BinaryPrimitives.WriteUInt64BigEndian(signature, timestamp);
        SignatureAlgorithm.Ed25519.Sign(_key, NoteVerifierKey.CosignedMessage(text, timestamp), signature.AsSpan(8));
        return new NoteSignature(Name, KeyId, signature);
    }

    public void Dispose() => _key.Dispose();
}
