namespace Liaison.Core.Model;

/// <summary>The roles a person plays in a case; victims, minors and witnesses get extra protection.</summary>
[Flags]
public enum SubjectCategories
{
    None = 0,
    Suspect = 1,
    Victim = 2,
    Minor = 4,
    Witness = 8,
    Informant = 16,
    /// <summary>A contact or associate of a suspect (LED art. 6 asks for such persons to be told apart from suspects).</summary>
    Contact = 32,
}

public static class SubjectCategoriesExtensions
{
    /// <summary>Categories whose identities are pseudonymised before data leaves a node.</summary>
    public const SubjectCategories Protected = SubjectCategories.Victim | SubjectCategories.Minor | SubjectCategories.Witness | SubjectCategories.Informant;

    public static bool IsProtected(this SubjectCategories c) => (c & Protected) != 0;

    public static bool TryParseList(string? text, out SubjectCategories categories)
    {
        categories = SubjectCategories.None;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        foreach (var part in text.Split([',', ';', '|', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Enum.TryParse<SubjectCategories>(part, ignoreCase: true, out var c) || !Enum.IsDefined(c))
            {
                return false;
            }
            categories |= c;
        }
        return true;
    }

    public static string ToList(this SubjectCategories c) =>
        string.Join(',', Enum.GetValues<SubjectCategories>().Where(v => v != SubjectCategories.None && c.HasFlag(v)).Select(v => v.ToString().ToLowerInvariant()));
}
