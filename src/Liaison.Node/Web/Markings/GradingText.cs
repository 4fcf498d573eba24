using Liaison.Core.Markings;

namespace Liaison.Node.Web.Markings;

/// <summary>The Europol 4x4 grade in words, for tooltips and the entity page.</summary>
public static class GradingText
{
    public static string Explain(string grading)
    {
        if (!Grading.TryParse(grading, out var g))
        {
            return "not graded";
        }
        var source = g.Source switch
        {
            SourceReliability.A => "A: no doubt about the source's authenticity, trustworthiness and competence",
            SourceReliability.B => "B: a source whose information has in most instances proved reliable",
            SourceReliability.C => "C: a source whose information has in most instances proved unreliable",
            _ => "X: the source's reliability cannot be assessed",
        };
        var information = g.Information switch
        {
            InformationCredibility.KnownTrue => "1: known to be true without reservation",
            InformationCredibility.KnownToSource => "2: known personally to the source but not to the officer passing it on",
            InformationCredibility.NotKnownButCorroborated => "3: not known personally to the source but corroborated",
            _ => "4: cannot be judged",
        };
        return source + "; " + information;
    }
}
