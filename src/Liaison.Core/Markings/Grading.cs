namespace Liaison.Core.Markings;

/// <summary>
/// Source reliability in the Europol 4x4 scheme. We chose 4x4 over the UK 3x5x2 because it is the
/// scheme SIENA and most EU agencies exchange in, and because 3x5x2's third axis (handling) is
/// carried separately here by <see cref="HandlingCodes"/> and TLP.
/// </summary>
public enum SourceReliability
{
    /// <summary>A: no doubt of authenticity, trustworthiness and competence; or a history of complete reliability.</summary>
    A,
    /// <summary>B: a source from whom information received has in most instances proved to be reliable.</summary>
    B,
    /// <summary>C: a source from whom information received has in most instances proved to be unreliable.</summary>
    C,
    /// <summary>X: the reliability of the source cannot be assessed.</summary>
    X,
}

/// <summary>Information credibility in the Europol 4x4 scheme (1 = known true without reservation … 4 = cannot be judged).</summary>
public enum InformationCredibility
{
    KnownTrue = 1,
    KnownToSource = 2,
    NotKnownButCorroborated = 3,
    CannotBeJudged = 4,
}

/// <summary>A 4x4 grade such as "B2".</summary>
public readonly record struct Grading(SourceReliability Source, InformationCredibility Information)
{
    public static readonly Grading Unassessed = new(SourceReliability.X, InformationCredibility.CannotBeJudged);

    public override string ToString() => $"{Source}{(int)Information}";

    public static bool TryParse(string? text, out Grading grading)
    {
        grading = Unassessed;
        if (text is not { Length: 2 })
        {
            return false;
        }
        var s = char.ToUpperInvariant(text[0]);
        if (s is not ('A' or 'B' or 'C' or 'X') || text[1] is < '1' or > '4')
        {
            return false;
        }
        grading = new Grading(Enum.Parse<SourceReliability>(s.ToString()), (InformationCredibility)(text[1] - '0'));
        return true;
    }
}
