namespace Liaison.Matching.Linkage;

/// <summary>
/// Greedy one-to-one solution, as anonlink's solver: take candidate pairs from the highest score down,
/// keeping a pair only when neither record is already matched. Ties are broken by position so the
/// result does not depend on thread scheduling.
/// </summary>
internal static class GreedySolver
{
    public static List<ScoredPair> Solve(List<ScoredPair> candidates, int countA, int countB)
    {
        candidates.Sort(static (x, y) =>
        {
            var byScore = y.Score.CompareTo(x.Score);
            if (byScore != 0)
            {
                return byScore;
            }
            var byA = x.A.CompareTo(y.A);
            return byA != 0 ? byA : x.B.CompareTo(y.B);
        });
        var usedA = new bool[countA];
        var usedB = new bool[countB];
        var chosen = new List<ScoredPair>();
        foreach (var pair in candidates)
        {
            if (!usedA[pair.A] && !usedB[pair.B])
            {
                usedA[pair.A] = true;
                usedB[pair.B] = true;
                chosen.Add(pair);
            }
        }
        return chosen;
    }
}
