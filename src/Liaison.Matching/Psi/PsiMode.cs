namespace Liaison.Matching.Psi;

/// <summary>What the querying node is allowed to learn from one PSI session.</summary>
public enum PsiMode
{
    /// <summary>Which of its own identifiers the holder also has (the hit/no-hit of Prüm and Ma3tch).</summary>
    Intersection,

    /// <summary>Only how many of its identifiers the holder also has: the holder shuffles the evaluated elements.</summary>
    CardinalityOnly,
}
