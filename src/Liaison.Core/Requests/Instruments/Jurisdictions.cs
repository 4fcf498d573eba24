namespace Liaison.Core.Requests.Instruments;

/// <summary>Jurisdiction sets the default instrument profiles use (ISO 3166 alpha-2).</summary>
public static class Jurisdictions
{
    /// <summary>The 27 EU Member States (Greece as GR).</summary>
    public static IReadOnlySet<string> EuropeanUnion { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE",
        "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
    };

    /// <summary>Member States bound by Regulation (EU) 2023/1543: all but Denmark, which does not take part (Protocol No 22 to the Treaties).</summary>
    public static IReadOnlySet<string> EEvidenceParticipants { get; } =
        new HashSet<string>(EuropeanUnion.Where(c => c != "DK"), StringComparer.Ordinal);

    /// <summary>The parties to the US–UK Data Access Agreement.</summary>
    public static IReadOnlySet<string> UsUk { get; } = new HashSet<string>(StringComparer.Ordinal) { "GB", "US" };

    /// <summary>True for two upper-case ASCII letters.</summary>
    public static bool IsCountryCode(string? code) => code is { Length: 2 } && code.All(char.IsAsciiLetterUpper);
}
