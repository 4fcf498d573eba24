using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace Liaison.Ledger.Notes;

/// <summary>
/// A public key that verifies note signatures, with its text form from golang.org/x/mod/sumdb/note and
/// C2SP vkeys: <c>name+hexkeyid+base64(type || public key)</c>, e.g.
/// <c>PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW</c>. This is what a node
/// publishes and what an oversight body pins.
/// </summary>
public sealed class NoteVerifierKey
{
    private const string CosignatureHeader = "cosignature/v1\ntime ";
    private readonly PublicKey _key;

    private NoteVerifierKey(string name, NoteKeyType type, byte[] publicKey)
    {
        Name = name;
        Type = type;
        PublicKeyBytes = publicKey;
        KeyId = NoteKeyId.Compute(name, type, publicKey);
        _key = PublicKey.Import(SignatureAlgorithm.Ed25519, publicKey, KeyBlobFormat.RawPublicKey);
    }

    public string Name { get; }
    public NoteKeyType Type { get; }
    public uint KeyId { get; }
    public byte[] PublicKeyBytes { get; }

    /// <summary>Builds the verifier for a raw 32-byte Ed25519 public key.</summary>
    public static NoteVerifierKey FromPublicKey(string name, NoteKeyType type, ReadOnlySpan<byte> publicKey)
    {
        if (!NoteKeyId.IsValidName(name))
        {
            throw new NoteFormatException("a key name must be non-empty, without spaces or '+'");
        }
        if (publicKey.Length != 32 || !Enum.IsDefined(type))
        {
            throw new NoteFormatException("an Ed25519 public key is 32 bytes");
        }
        try
        {
            return new NoteVerifierKey(name, type, publicKey.ToArray());
        }
        catch (FormatException e)
        {
            throw new NoteFormatException("not an Ed25519 public key", e);
        }
    }

    /// <summary>Parses <c>name+hexkeyid+base64(type || key)</c>, checking that the key ID matches the key.</summary>
    public static NoteVerifierKey Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('+', 3);
        if (parts.Length != 3 || parts[1].Length != 8 || !parts[1].All(char.IsAsciiHexDigitLower))
        {
            throw new NoteFormatException("a verifier key reads name+hexkeyid+base64key");
        }
        byte[] blob;
        try
        {
            blob = Convert.FromBase64String(parts[2]);
        }
        catch (FormatException e)
        {
            throw new NoteFormatException("the verifier key is not base64", e);
        }
        if (blob.Length != 33 || Convert.ToBase64String(blob) != parts[2])
        {
            throw new NoteFormatException("the verifier key is not a type byte and a 32-byte Ed25519 key");
        }
        var key = FromPublicKey(parts[0], (NoteKeyType)blob[0], blob.AsSpan(1));
        if (key.KeyId != uint.Parse(parts[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture))
        {
            throw new NoteFormatException("the key ID does not match the key");
        }
        return key;
    }

    /// <summary>The text form <c>name+hexkeyid+base64(type || key)</c>.</summary>
    public override string ToString() =>
        $"{Name}+{KeyId:x8}+{Convert.ToBase64String([(byte)Type, .. PublicKeyBytes])}";

    /// <summary>True when <paramref name="signature"/> names this key (name and key ID both match).</summary>
    public bool Identifies(NoteSignature signature) =>
        signature.KeyName == Name && signature.KeyId == KeyId;

    /// <summary>Checks a signature of this key over the note <paramref name="text"/>.</summary>
    public bool Verify(string text, NoteSignature signature)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(signature);
        if (!Identifies(signature))
        {
            return false;
        }
        if (Type == NoteKeyType.Ed25519)
        {
            return SignatureAlgorithm.Ed25519.Verify(_key, Encoding.UTF8.GetBytes(text), signature.Signature);
        }
        // cosignature/v1: u64 big-endian timestamp, then Ed25519 over the header, time line and note text.
        if (signature.Signature.Length != 8 + 64)
        {
            return false;
        }
        var timestamp = BinaryPrimitives.ReadUInt64BigEndian(signature.Signature);
        if (timestamp > long.MaxValue)
        {
            return false;
        }
        return SignatureAlgorithm.Ed25519.Verify(_key, CosignedMessage(text, timestamp), signature.Signature.AsSpan(8));
    }

    internal static byte[] CosignedMessage(string text, ulong timestamp) =>
        Encoding.UTF8.GetBytes(CosignatureHeader + timestamp.ToString(CultureInfo.InvariantCulture) + "\n" + text);
}
