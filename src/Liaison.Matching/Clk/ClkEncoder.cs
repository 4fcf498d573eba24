using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Liaison.Matching.Clk;

/// <summary>
/// Computes CLKs (cryptographic long-term keys, Schnell et al. 2011) at a node that holds the shared
/// secret. Each field gets its own 32-byte key, HKDF-SHA256(secret, salt = schema.kdfSalt,
/// info = "liaison-clk-v1 field " + name). Each n-gram is hashed once with HMAC-SHA256 under its
/// field key; the first two 64-bit words h₁, h₂ (h₂ forced odd) give k bit positions
/// (h₁ + i·h₂) mod l, i &lt; k — clkhash's "doubleHash" with HMAC-SHA256 in place of HMAC-SHA1/MD5.
/// </summary>
/// <remarks>Not thread-safe (it reuses one keyed HMAC per field); use one encoder per thread.</remarks>
public sealed class ClkEncoder : IDisposable
{
    public const int MinimumSecretBytes = 16;

    private readonly LinkageSchema _schema;
    private readonly IncrementalHash[] _fieldHmacs;
    private readonly byte[] _blockingKey;
    private readonly int[]? _balancePermutation;
    private readonly int _rawBits;

    public ClkEncoder(LinkageSchema schema, ReadOnlySpan<byte> secret)
    {
        ArgumentNullException.ThrowIfNull(schema);
        if (secret.Length < MinimumSecretBytes)
        {
            throw new ArgumentException($"the linkage secret must be at least {MinimumSecretBytes} bytes", nameof(secret));
        }
        schema.Validate("schema");
        _schema = schema;
        var salt = Encoding.UTF8.GetBytes(schema.KdfSalt);
        _fieldHmacs = new IncrementalHash[schema.Fields.Count];
        for (var f = 0; f < _fieldHmacs.Length; f++)
        {
            var key = Derive(secret, salt, "field " + schema.Fields[f].Name);
            // One keyed HMAC per field, reset after each token: re-keying per token costs more than hashing it.
            _fieldHmacs[f] = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
            CryptographicOperations.ZeroMemory(key);
        }
        _blockingKey = Derive(secret, salt, "blocking");
        _rawBits = schema.Hardening switch
        {
            Hardening.XorFold => schema.FilterBits * 2,
            Hardening.Balance => schema.FilterBits / 2,
            _ => schema.FilterBits,
        };
        if (schema.Hardening == Hardening.Balance)
        {
            _balancePermutation = KeyedPermutation(Derive(secret, salt, "balance permutation"), schema.FilterBits);
        }
    }

    public LinkageSchema Schema => _schema;

    public int Words => _schema.FilterBits / 64;

    /// <summary>Encodes one record; <paramref name="column"/> returns a column's raw value or null when absent.</summary>
    public ClkRecord Encode(string id, Func<string, string?> column)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(column);
        var raw = new ulong[_rawBits / 64];
        var normalised = new Dictionary<string, string?>(_schema.Fields.Count, StringComparer.Ordinal);
        Span<byte> mac = stackalloc byte[32];
        for (var f = 0; f < _schema.Fields.Count; f++)
        {
            var field = _schema.Fields[f];
            var value = FieldValues.Normalise(field, JoinColumns(field, column));
            normalised[field.Name] = value;
            if (value is null)
            {
                // A missing value sets no bits (clkhash's default): absent is not evidence either way.
                continue;
            }
            var tokens = FieldValues.Tokens(field, value);
            var k = field.BitsPerToken ?? Math.Max(1, (field.BitsPerFeature!.Value + tokens.Count - 1) / tokens.Count);
            foreach (var token in tokens)
            {
                _fieldHmacs[f].AppendData(Encoding.UTF8.GetBytes(token));
                _fieldHmacs[f].GetHashAndReset(mac);
                var h1 = BinaryPrimitives.ReadUInt64LittleEndian(mac);
                var h2 = BinaryPrimitives.ReadUInt64LittleEndian(mac[8..]) | 1;
                var mask = (ulong)(_rawBits - 1);
                for (var i = 0UL; i < (ulong)k; i++)
                {
                    var bit = (int)((h1 + (i * h2)) & mask);
                    raw[bit >> 6] |= 1UL << (bit & 63);
                }
            }
        }
        return new ClkRecord(id, Harden(raw), BlockingKeys.Compute(_schema.Blocking, normalised, _blockingKey));
    }

    public void Dispose()
    {
        foreach (var hmac in _fieldHmacs)
        {
            hmac.Dispose();
        }
    }

    private static string? JoinColumns(FieldSpec field, Func<string, string?> column)
    {
        var columns = field.SourceColumns;
        if (columns.Count == 1)
        {
            return column(columns[0]);
        }
        var parts = columns.Select(column).Where(v => !string.IsNullOrWhiteSpace(v));
        var joined = string.Join(' ', parts);
        return joined.Length == 0 ? null : joined;
    }

    private ulong[] Harden(ulong[] raw)
    {
        switch (_schema.Hardening)
        {
            case Hardening.XorFold:
                var half = raw.Length / 2;
                var folded = new ulong[half];
                for (var i = 0; i < half; i++)
                {
                    folded[i] = raw[i] ^ raw[half + i];
                }
                return folded;
            case Hardening.Balance:
                var balanced = new ulong[_schema.FilterBits / 64];
                for (var bit = 0; bit < _schema.FilterBits; bit++)
                {
                    // Positions [0, l/2) carry the filter, [l/2, l) its complement, then a keyed shuffle.
                    var source = bit < _rawBits ? bit : bit - _rawBits;
                    var set = ((raw[source >> 6] >> (source & 63)) & 1) == 1;
                    if (set == (bit < _rawBits))
                    {
                        var target = _balancePermutation![bit];
                        balanced[target >> 6] |= 1UL << (target & 63);
                    }
                }
                return balanced;
            default:
                return raw;
        }
    }

    private static byte[] Derive(ReadOnlySpan<byte> secret, byte[] salt, string label)
    {
        var key = new byte[32];
        HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, key, salt, Encoding.UTF8.GetBytes("liaison-clk-v1 " + label));
        return key;
    }

    /// <summary>Fisher–Yates driven by HMAC-SHA256(key, counter) as a deterministic stream.</summary>
    private static int[] KeyedPermutation(byte[] key, int length)
    {
        var permutation = Enumerable.Range(0, length).ToArray();
        Span<byte> counter = stackalloc byte[8];
        Span<byte> block = stackalloc byte[32];
        var used = block.Length;
        ulong blockIndex = 0;
        for (var i = length - 1; i > 0; i--)
        {
            // Rejection sampling on 32-bit draws keeps the shuffle unbiased.
            var bound = (uint)(i + 1);
            var limit = uint.MaxValue - (uint.MaxValue % bound);
            uint draw;
            do
            {
                if (used + 4 > block.Length)
                {
                    BinaryPrimitives.WriteUInt64BigEndian(counter, blockIndex++);
                    HMACSHA256.HashData(key, counter, block);
                    used = 0;
                }
                draw = BinaryPrimitives.ReadUInt32LittleEndian(block[used..]);
                used += 4;
            }
            while (draw >= limit);
            var j = (int)(draw % bound);
            (permutation[i], permutation[j]) = (permutation[j], permutation[i]);
        }
        return permutation;
    }
}
