using System.Text;
using System.Text.RegularExpressions;

namespace Liaison.Analysis.Ads;

/// <summary>
/// The phrase lists of the text indicators and the normalisation applied before matching: lower
/// case, collapsed spaces, and digits used as letters inside words read as letters ("n3w in t0wn"),
/// a common way to slip past keyword filters.
/// </summary>
internal static partial class AdText
{
    public static string Normalise(string text)
    {
        var lower = text.ToLowerInvariant();
        var sb = new StringBuilder(lower.Length);
        for (var i = 0; i < lower.Length; i++)
        {
            var c = lower[i];
            var letterNear = (i > 0 && char.IsLetter(lower[i - 1])) || (i + 1 < lower.Length && char.IsLetter(lower[i + 1]));
            sb.Append(letterNear ? c switch { '0' => 'o', '1' => 'i', '3' => 'e', '4' => 'a', '5' => 's', '7' => 't', '@' => 'a', '$' => 's', _ => c } : c);
        }
        return Spaces().Replace(sb.ToString(), " ");
    }

    public static MatchCollection ThirdPerson(string t) => ThirdPersonRegex().Matches(t);
    public static MatchCollection FirstPerson(string t) => FirstPersonRegex().Matches(t);
    public static MatchCollection Movement(string t) => MovementRegex().Matches(t);
    public static MatchCollection AgeHints(string t) => AgeHintRegex().Matches(t);
    public static MatchCollection StatedYoungAge(string t) => YoungAgeRegex().Matches(t);
    public static MatchCollection MultipleProviders(string t) => MultipleRegex().Matches(t);
    public static MatchCollection Risk(string t) => RiskRegex().Matches(t);
    public static int Words(string t) => WordRegex().Count(t);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"\b(she|she's|shes|her|hers|herself|this (girl|lady|beauty|doll)|these (girls|ladies)|our (girls|ladies|models))\b")]
    private static partial Regex ThirdPersonRegex();

    [GeneratedRegex(@"\b(i|i'm|im|i am|me|my|mine|myself)\b")]
    private static partial Regex FirstPersonRegex();

    [GeneratedRegex(@"\b(new (in|to) (town|the (area|city))|just (arrived|got (here|in))|visiting|in town (for|until|only)|only here|here for a (few|short)|last (few )?days?|leaving (soon|tomorrow|on)|on tour|passing through|new arrival|first time in)\b")]
    private static partial Regex MovementRegex();

    [GeneratedRegex(@"\b(young|fresh|barely legal|teen|petite|tiny|little|schoolgirl|innocent|new girl|just turned 18|baby ?face|lolita|sweet young)\b")]
    private static partial Regex AgeHintRegex();

    [GeneratedRegex(@"\b(age:? ?(18|19|20)|(18|19|20) ?(yo|y\.o\.|y/o|years?( old)?))\b")]
    private static partial Regex YoungAgeRegex();

    [GeneratedRegex(@"\b((\d+|two|three|four|several|many|different|new) (girls|ladies)|girls available|ladies available|choose from|variety of (girls|ladies)|girls from)\b")]
    private static partial Regex MultipleRegex();

    [GeneratedRegex(@"\b(no condom|bareback|bbbj|24/7|24 hours|anything you want|no limits|no questions)\b")]
    private static partial Regex RiskRegex();

    [GeneratedRegex(@"\b\w+\b")]
    private static partial Regex WordRegex();
}
