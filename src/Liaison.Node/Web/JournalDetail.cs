namespace Liaison.Node.Web;

/// <summary>
/// Splits a journal entry's detail — "record p1 {decision JSON}" as <see cref="Policy.RequestGate"/>
/// writes it — into what was asked for and the decision with its trail, shown folded.
/// </summary>
public static class JournalDetail
{
    public static (string What, string? Decision) Split(string? detail)
    {
        if (string.IsNullOrEmpty(detail))
        {
            return ("", null);
        }
        var brace = detail.IndexOf('{', StringComparison.Ordinal);
        return brace switch
        {
            < 0 => (detail, null),
            0 => ("", detail),
            _ => (detail[..brace].TrimEnd(), detail[brace..]),
        };
    }
}
