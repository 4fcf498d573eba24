using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Liaison.Node.Web.Charts;

/// <summary>One bar: a label and its stacked parts (e.g. permitted and denied).</summary>
public sealed record Bar(string Label, IReadOnlyList<long> Parts);

/// <summary>
/// Horizontal bar charts drawn on the server as inline SVG: no script, no chart library, readable by
/// screen readers through the title and the data table each chart page prints beneath it.
/// </summary>
public static class SvgBarChart
{
    private const int LabelWidth = 220;
    private const int BarArea = 560;
    private const int RowHeight = 26;
    private const int ValueWidth = 90;

    /// <summary>Renders bars; <paramref name="seriesClasses"/> names the CSS class of each stacked part.</summary>
    public static IHtmlContent Render(string title, IReadOnlyList<Bar> bars, IReadOnlyList<string> seriesClasses)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(seriesClasses);
        var max = Math.Max(1, bars.Count == 0 ? 1 : bars.Max(b => b.Parts.Sum()));
        var width = LabelWidth + BarArea + ValueWidth;
        var height = Math.Max(1, bars.Count) * RowHeight + 8;
        var id = "chart-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(title)))[..8];
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{id}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}\">{Encode(title)}</title>");
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = i * RowHeight + 4;
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-label\" x=\"{LabelWidth - 8}\" y=\"{y + 16}\" text-anchor=\"end\">{Encode(Clip(bar.Label))}</text>");
            double x = LabelWidth;
            for (var p = 0; p < bar.Parts.Count; p++)
            {
                var w = (double)bar.Parts[p] / max * BarArea;
                if (w <= 0)
                {
                    continue;
                }
                svg.Append(CultureInfo.InvariantCulture,
                    $"<rect class=\"{seriesClasses[p % seriesClasses.Count]}\" x=\"{x:0.##}\" y=\"{y + 2}\" width=\"{Math.Max(w, 1):0.##}\" height=\"{RowHeight - 8}\"><title>{Encode(bar.Label)}: {bar.Parts[p]:N0}</title></rect>");
                x += w;
            }
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"chart-value\" x=\"{x + 6:0.##}\" y=\"{y + 16}\">{bar.Parts.Sum():N0}</text>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static string Clip(string label) => label.Length <= 30 ? label : label[..29] + "…";

    private static string Encode(string text) => HtmlEncoder.Default.Encode(text);
}
