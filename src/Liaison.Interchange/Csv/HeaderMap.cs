using Liaison.Interchange.Text;

namespace Liaison.Interchange.Csv;

/// <summary>Finds columns by name (case-insensitive, trimmed: FEBRL headers have spaces after commas), with aliases.</summary>
internal sealed class HeaderMap
{
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);

    public HeaderMap(IReadOnlyList<string> header)
    {
        for (var i = 0; i < header.Count; i++)
        {
            _index.TryAdd(header[i].Trim(), i);
        }
        Count = header.Count;
    }

    public int Count { get; }

    public IEnumerable<string> Names => _index.Keys;

    public int? Find(params string[] names)
    {
        foreach (var n in names)
        {
            if (_index.TryGetValue(n, out var i))
            {
                return i;
            }
        }
        return null;
    }

    public int Require(string file, params string[] names) =>
        Find(names) ?? throw new InputFormatException(file, 1, names[0], $"the header has no '{names[0]}' column{(names.Length > 1 ? " (or " + string.Join(", ", names.Skip(1)) + ")" : "")}");
}
