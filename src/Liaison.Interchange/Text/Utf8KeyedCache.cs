using System.Text;

namespace Liaison.Interchange.Text;

/// <summary>
/// A bounded dictionary keyed by text that can be looked up straight from UTF-8 bytes: the key is
/// decoded into a stack buffer and found through the dictionary's span lookup, so a hit allocates
/// nothing. CDR files repeat the same few thousand phone numbers and cell ids a million times; this
/// is what keeps those fields from becoming a million strings each.
/// </summary>
internal sealed class Utf8KeyedCache<TValue>
{
    private const int MaxBufferedKeyBytes = 256;
    private readonly Dictionary<string, TValue> _map = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TValue>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private readonly int _capacity;
    // A field, not stackalloc: a stack buffer would be zeroed on every call, a measurable cost at a million lookups.
    private readonly char[] _chars = new char[MaxBufferedKeyBytes];

    public Utf8KeyedCache(int capacity)
    {
        _capacity = capacity;
        _bySpan = _map.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Finds the value of a (valid UTF-8) key.</summary>
    public bool TryGetValue(ReadOnlySpan<byte> utf8Key, out TValue value)
    {
        if (utf8Key.Length > MaxBufferedKeyBytes)
        {
            return _map.TryGetValue(Encoding.UTF8.GetString(utf8Key), out value!);
        }
        // UTF-8 never takes fewer bytes than UTF-16 takes chars, so the key fits.
        var n = Encoding.UTF8.GetChars(utf8Key, _chars);
        return _bySpan.TryGetValue(_chars.AsSpan(0, n), out value!);
    }

    /// <summary>Remembers a value until the cache is full (then the caller simply recomputes).</summary>
    public void Add(string key, TValue value)
    {
        if (_map.Count < _capacity)
        {
            _map[key] = value;
        }
    }
}
