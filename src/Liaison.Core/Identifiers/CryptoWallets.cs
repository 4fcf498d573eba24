using System.Numerics;
using System.Security.Cryptography;

namespace Liaison.Core.Identifiers;

/// <summary>
/// Crypto wallet addresses, checked where the format carries a checksum: Bitcoin legacy
/// (Base58Check, P2PKH/P2SH) and SegWit (Bech32/Bech32m, BIP 173/350); Ethereum (0x + 40 hex,
/// compared in lower case because EIP-55 casing is only a checksum). Canonical forms:
/// "btc:ADDRESS" and "eth:0x…" so that equal keys mean the same chain.
/// </summary>
public static class CryptoWallets
{
    private const string Base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private const string Bech32Charset = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

    public static string? TryNormalize(string? raw, out string? reason)
    {
        reason = null;
        if (string.IsNullOrWhiteSpace(raw))
        {
            reason = "is empty";
            return null;
        }
        var a = raw.Trim();
        if (a.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            if (a.Length == 42 && a[2..].All(char.IsAsciiHexDigit))
            {
                return "eth:" + a.ToLowerInvariant();
            }
            reason = "is not an Ethereum address (0x and 40 hex digits)";
            return null;
        }
        if (a.StartsWith("bc1", StringComparison.OrdinalIgnoreCase) || a.StartsWith("tb1", StringComparison.OrdinalIgnoreCase))
        {
            if (IsValidBech32(a.ToLowerInvariant()) && (a == a.ToLowerInvariant() || a == a.ToUpperInvariant()))
            {
                return "btc:" + a.ToLowerInvariant();
            }
            reason = "fails the Bech32 checksum of a SegWit address";
            return null;
        }
        if (a[0] is '1' or '3' && a.Length is >= 26 and <= 35)
        {
            if (IsValidBase58Check(a))
            {
                return "btc:" + a;
            }
            reason = "fails the Base58Check checksum of a Bitcoin address";
            return null;
        }
        reason = "is not a recognised wallet address (Bitcoin or Ethereum)";
        return null;
    }

    private static bool IsValidBase58Check(string address)
    {
        BigInteger value = 0;
        foreach (var c in address)
        {
            var digit = Base58Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                return false;
            }
            value = value * 58 + digit;
        }
        var body = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        var leadingZeros = address.TakeWhile(c => c == '1').Count();
        var bytes = new byte[leadingZeros + body.Length];
        body.CopyTo(bytes, leadingZeros);
        if (bytes.Length != 25)
        {
            return false;
        }
        var checksum = SHA256.HashData(SHA256.HashData(bytes.AsSpan(0, 21)));
        return checksum.AsSpan(0, 4).SequenceEqual(bytes.AsSpan(21, 4)) && bytes[0] is 0x00 or 0x05;
    }

    private static bool IsValidBech32(string address)
    {
        var sep = address.LastIndexOf('1');
        if (sep < 1 || sep + 7 > address.Length || address.Length > 90)
        {
            return false;
        }
        var hrp = address[..sep];
        var data = new List<int>();
        foreach (var c in address[(sep + 1)..])
        {
            var v = Bech32Charset.IndexOf(c, StringComparison.Ordinal);
            if (v < 0)
            {
                return false;
            }
            data.Add(v);
        }
        var values = new List<int>();
        values.AddRange(hrp.Select(c => c >> 5));
        values.Add(0);
        values.AddRange(hrp.Select(c => c & 31));
        values.AddRange(data);
        var polymod = Polymod(values);
        // Bech32 (witness v0) checks to 1, Bech32m (v1+) to 0x2bc830a3.
        return polymod is 1 or 0x2bc830a3;
    }

    private static uint Polymod(List<int> values)
    {
        uint[] gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
        uint chk = 1;
        foreach (var v in values)
        {
            var b = chk >> 25;
            chk = ((chk & 0x1ffffff) << 5) ^ (uint)v;
            for (var i = 0; i < 5; i++)
            {
                if (((b >> i) & 1) != 0)
                {
                    chk ^= gen[i];
                }
            }
        }
        return chk;
    }
}
