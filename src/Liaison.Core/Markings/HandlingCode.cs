namespace Liaison.Core.Markings;

/// <summary>
/// Europol-style handling codes (SIENA). They are restrictions, so several can apply at once:
/// H0 law-enforcement use only; H1 not for judicial proceedings without the originator's permission;
/// H2 no coercive measures without permission; H3 other restrictions stated in text.
/// </summary>
[Flags]
public enum HandlingCodes
{
    None = 0,
    H0 = 1,
    H1 = 2,
    H2 = 4,
    H3 = 8,
}

/// <summary>The handling codes of a record plus the free text that H3 requires.</summary>
public sealed record Handling(HandlingCodes Codes, string? Restriction = null)
{
    public static readonly Handling LawEnforcementOnly = new(HandlingCodes.H0);

    /// <summary>Markings only narrow when data moves: the union of codes, and both restriction texts.</summary>
    public Handling Narrow(Handling other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var text = (Restriction, other.Restriction) switch
        {
            (null, var b) => b,
            (var a, null) => a,
            (var a, var b) when string.Equals(a, b, StringComparison.Ordinal) => a,
            var (a, b) => a + "; " + b,
        };
        return new Handling(Codes | other.Codes, text);
    }

    public override string ToString()
    {
        if (Codes == HandlingCodes.None)
        {
            return "none";
        }
        var parts = Enum.GetValues<HandlingCodes>().Where(c => c != HandlingCodes.None && Codes.HasFlag(c)).Select(c => c.ToString());
        return string.Join(',', parts);
    }

    /// <summary>Parses "H0", "H0,H2", "H3" (with <paramref name="restriction"/>).</summary>
    public static bool TryParse(string? text, string? restriction, out Handling handling)
    {
        handling = LawEnforcementOnly;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var codes = HandlingCodes.None;
        if (string.Equals(text.Trim(), "none", StringComparison.OrdinalIgnoreCase))
        {
            handling = new Handling(codes);
            return true;
        }
        foreach (var part in text.Split([',', ' ', ';', '+'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Enum.TryParse<HandlingCodes>(part.Trim().ToUpperInvariant(), out var c) || c == HandlingCodes.None
                || !Enum.IsDefined(c))
            {
                return false;
            }
            codes |= c;
        }
        handling = new Handling(codes, string.IsNullOrWhiteSpace(restriction) ? null : restriction);
        return true;
    }
}
