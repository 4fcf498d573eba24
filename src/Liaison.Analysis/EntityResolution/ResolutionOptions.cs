namespace Liaison.Analysis.EntityResolution;

/// <summary>Thresholds of the resolution rules (Jaro–Winkler similarities of name search keys).</summary>
public sealed record ResolutionOptions
{
    /// <summary>Names this similar, with the same full date of birth, are one person.</summary>
    public double NameWithBirthDate { get; init; } = 0.92;

    /// <summary>When one date of birth is only a year or month, the names must be this similar.</summary>
    public double NameWithPartialBirthDate { get; init; } = 0.97;

    /// <summary>Names this similar, listing the same phone or e-mail, are one person.</summary>
    public double NameWithSharedContact { get; init; } = 0.85;

    /// <summary>Below this similarity (or with different full dates of birth) two persons are clearly different, and a phone they share does not join them.</summary>
    public double DifferentPersons { get; init; } = 0.80;
}
