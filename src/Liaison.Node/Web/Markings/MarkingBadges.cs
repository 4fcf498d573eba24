using System.Text.Encodings.Web;
using Liaison.Core.Markings;
using Microsoft.AspNetCore.Html;

namespace Liaison.Node.Web.Markings;

/// <summary>
/// TLP and handling-code badges as every data screen shows them: TLP 2.0 colours (RED, AMBER,
/// AMBER+STRICT with a border, GREEN, CLEAR) and one badge per Europol handling code, each with a
/// tooltip saying what it restricts, so a marking is never just a colour.
/// </summary>
public static class MarkingBadges
{
    public static string CssClass(Tlp tlp) => tlp switch
    {
        Tlp.Red => "tlp-red",
        Tlp.AmberStrict => "tlp-amber-strict",
        Tlp.Amber => "tlp-amber",
        Tlp.Green => "tlp-green",
        _ => "tlp-clear",
    };

    public static string Meaning(Tlp tlp) => tlp switch
    {
        Tlp.Red => "For the eyes and ears of individual recipients only, no further disclosure.",
        Tlp.AmberStrict => "Limited disclosure, restricted to the recipient's organisation only.",
        Tlp.Amber => "Limited disclosure: the recipient's organisation and its clients on a need-to-know basis.",
        Tlp.Green => "Limited disclosure, restricted to the community.",
        _ => "Disclosure is not limited.",
    };

    public static string Meaning(HandlingCodes code) => code switch
    {
        HandlingCodes.H0 => "H0: for law-enforcement use only",
        HandlingCodes.H1 => "H1: not for use in judicial proceedings without the originator's permission",
        HandlingCodes.H2 => "H2: no coercive measures without the originator's permission",
        HandlingCodes.H3 => "H3: other restrictions apply",
        _ => "no handling code",
    };

    /// <summary>A few words per code, for filters.</summary>
    public static string ShortMeaning(HandlingCodes code) => code switch
    {
        HandlingCodes.H0 => "H0 · law enforcement only",
        HandlingCodes.H1 => "H1 · not for court",
        HandlingCodes.H2 => "H2 · no coercive measures",
        HandlingCodes.H3 => "H3 · other restrictions",
        _ => "none",
    };

    public static IHtmlContent TlpBadge(Tlp tlp) =>
        new HtmlString($"<span class=\"badge tlp {CssClass(tlp)}\" title=\"{Encode(Meaning(tlp))}\">{Encode(tlp.ToLabel())}</span>");

    public static IHtmlContent HandlingBadges(HandlingCodes codes, string? restriction = null)
    {
        if (codes == HandlingCodes.None)
        {
            return new HtmlString("<span class=\"badge handling handling-none\" title=\"no handling code\">no code</span>");
        }
        var html = new System.Text.StringBuilder();
        foreach (var code in Enum.GetValues<HandlingCodes>().Where(c => c != HandlingCodes.None && codes.HasFlag(c)))
        {
            var title = code == HandlingCodes.H3 && !string.IsNullOrWhiteSpace(restriction) ? $"H3: {restriction}" : Meaning(code);
            html.Append($"<span class=\"badge handling\" title=\"{Encode(title)}\">{code}</span>");
        }
        return new HtmlString(html.ToString());
    }

    /// <summary>TLP and handling side by side, as in tables.</summary>
    public static IHtmlContent Marking(int tlp, int handling, string? restriction = null) =>
        new HtmlContentBuilder().AppendHtml(TlpBadge((Tlp)tlp)).AppendHtml(" ").AppendHtml(HandlingBadges((HandlingCodes)handling, restriction));

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
