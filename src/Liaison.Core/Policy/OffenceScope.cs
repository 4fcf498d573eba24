using System.Collections.Frozen;

namespace Liaison.Core.Policy;

/// <summary>Which offences a sharing rule covers: any, only serious ones, or a list.</summary>
public sealed record OffenceScope
{
    private OffenceScope(string kind, IReadOnlySet<string> listed)
    {
        Kind = kind;
        Listed = listed;
    }

    public static OffenceScope Any { get; } = new("any", FrozenSet<string>.Empty);
    public static OffenceScope Serious { get; } = new("serious", FrozenSet<string>.Empty);

    public static OffenceScope Of(IEnumerable<string> offences) => new("listed", offences.ToHashSet(StringComparer.Ordinal));

    /// <summary>"any", "serious" or "listed".</summary>
    public string Kind { get; }

    public IReadOnlySet<string> Listed { get; }

    /// <summary>Null when <paramref name="offence"/> is covered, else why not (ids only).</summary>
    public string? WhyNot(Offence? offence) => Kind switch
    {
        "any" => null,
        "serious" when offence is null => "covers serious crime only and the request names no offence",
        "serious" => offence.Serious ? null : $"covers serious crime only and '{offence.Id}' is not serious",
        _ when offence is null => "covers listed offences only and the request names no offence",
        _ => Listed.Contains(offence.Id) ? null : $"does not cover offence '{offence.Id}'",
    };
}
