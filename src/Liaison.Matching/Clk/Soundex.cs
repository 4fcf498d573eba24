namespace Liaison.Matching.Clk;

/// <summary>American Soundex (letter + three digits) of a folded Latin name, for blocking keys only.</summary>
internal static class Soundex
{
    //                                     abcdefghijklmnopqrstuvwxyz
    private const string Codes = "01230120022455012623010202";

    public static string? Of(string folded)
    {
        var first = -1;
        for (var i = 0; i < folded.Length; i++)
        {
            if (char.IsAsciiLetterLower(folded[i]))
            {
                first = i;
                break;
            }
        }
        if (first < 0)
        {
            return null;
        }
        Span<char> code = ['0', '0', '0', '0'];
        code[0] = char.ToUpperInvariant(folded[first]);
        var length = 1;
        var previous = Codes[folded[first] - 'a'];
        for (var i = first + 1; i < folded.Length && length < 4; i++)
        {
            var ch = folded[i];
            if (!char.IsAsciiLetterLower(ch))
            {
                previous = '0';
                continue;
            }
            var digit = Codes[ch - 'a'];
            // h and w do not separate letters with the same code; vowels do.
            if (ch is 'h' or 'w')
            {
                continue;
            }
            if (digit != '0' && digit != previous)
            {
                code[length++] = digit;
            }
            previous = digit;
        }
        return new string(code);
    }
}
