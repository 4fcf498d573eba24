using System.Globalization;

namespace Liaison.Core.Requests.Offences;

/// <summary>
/// The configured list of offence categories requests may name. The default is the 32 EAW list offences;
/// a node may load its own list (one "code;title[;eevidence]" per line) to match national law.
/// </summary>
public sealed class OffenceCatalogue
{
    private readonly Dictionary<string, OffenceCategory> _byCode;

    public OffenceCatalogue(IEnumerable<OffenceCategory> categories)
    {
        ArgumentNullException.ThrowIfNull(categories);
        _byCode = new Dictionary<string, OffenceCategory>(StringComparer.Ordinal);
        foreach (var c in categories)
        {
            if (string.IsNullOrWhiteSpace(c.Code) || string.IsNullOrWhiteSpace(c.Title))
            {
                throw new ArgumentException("Every offence category needs a code and a title.", nameof(categories));
            }
            if (!_byCode.TryAdd(c.Code, c))
            {
                throw new ArgumentException($"Offence code '{c.Code}' appears twice.", nameof(categories));
            }
        }
    }

    /// <summary>The 32 offences of Framework Decision 2002/584/JHA art. 2(2).</summary>
    public static OffenceCatalogue EuropeanArrestWarrantList { get; } = new(EuropeanArrestWarrantOffences.All);

    public IReadOnlyCollection<OffenceCategory> Categories => _byCode.Values;

    public bool TryGet(string? code, out OffenceCategory category)
    {
        category = null!;
        return code is not null && _byCode.TryGetValue(code, out category!);
    }

    /// <summary>Parses "code;title[;eevidence]" lines; blank lines and lines starting with '#' are skipped.</summary>
    public static OffenceCatalogue Parse(string text, string source = "offences")
    {
        ArgumentNullException.ThrowIfNull(text);
        var list = new List<OffenceCategory>();
        var lineNo = 0;
        foreach (var raw in text.Split('\n'))
        {
            lineNo++;
            var line = raw.TrimEnd('\r').Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var parts = line.Split(';');
            if (parts.Length is < 2 or > 3 || parts[0].Trim().Length == 0 || parts[1].Trim().Length == 0)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{source}:{lineNo}: expected 'code;title' or 'code;title;eevidence'"));
            }
            var flag = parts.Length == 3 && parts[2].Trim().Equals("eevidence", StringComparison.OrdinalIgnoreCase);
            if (parts.Length == 3 && !flag)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{source}:{lineNo}: the third field may only be 'eevidence'"));
            }
            list.Add(new OffenceCategory(parts[0].Trim(), parts[1].Trim(), flag));
        }
        return new OffenceCatalogue(list);
    }
}
