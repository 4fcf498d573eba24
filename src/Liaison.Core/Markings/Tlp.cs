namespace Liaison.Core.Markings;

/// <summary>
/// Traffic Light Protocol 2.0 (FIRST). Ordered from widest to narrowest distribution, so that
/// "narrowing" is a larger value and <see cref="TlpExtensions.Narrowest"/> is a max.
/// </summary>
public enum Tlp
{
    Clear = 0,
    Green = 1,
    Amber = 2,
    AmberStrict = 3,
    Red = 4,
}

public static class TlpExtensions
{
    public static string ToLabel(this Tlp tlp) => tlp switch
    {
        Tlp.Clear => "TLP:CLEAR",
        Tlp.Green => "TLP:GREEN",
        Tlp.Amber => "TLP:AMBER",
        Tlp.AmberStrict => "TLP:AMBER+STRICT",
        Tlp.Red => "TLP:RED",
        _ => throw new ArgumentOutOfRangeException(nameof(tlp)),
    };

    /// <summary>Parses "TLP:AMBER+STRICT", "amber+strict", "AMBER_STRICT", "white" (TLP 1.0 alias of CLEAR).</summary>
    public static bool TryParse(string? text, out Tlp tlp)
    {
        tlp = Tlp.Clear;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var t = text.Trim().ToUpperInvariant();
        if (t.StartsWith("TLP:", StringComparison.Ordinal))
        {
            t = t[4..];
        }
        t = t.Replace('_', '+').Replace(' ', '+');
        switch (t)
        {
            case "CLEAR" or "WHITE": tlp = Tlp.Clear; return true;
            case "GREEN": tlp = Tlp.Green; return true;
            case "AMBER": tlp = Tlp.Amber; return true;
            case "AMBER+STRICT" or "AMBERSTRICT": tlp = Tlp.AmberStrict; return true;
            case "RED": tlp = Tlp.Red; return true;
            default: return false;
        }
    }

    public static Tlp Narrowest(Tlp a, Tlp b) => (Tlp)Math.Max((int)a, (int)b);
}
