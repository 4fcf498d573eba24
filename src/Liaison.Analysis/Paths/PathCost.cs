namespace Liaison.Analysis.Paths;

/// <summary>What makes a path short.</summary>
public enum PathCost
{
    /// <summary>Every edge costs 1: the fewest intermediaries.</summary>
    Hops,

    /// <summary>An edge costs its weight (NetworkX <c>weight="weight"</c>): use when weights are distances or costs.</summary>
    Weight,

    /// <summary>An edge costs 1/weight: strong ties are short, so the path runs through the closest relations.</summary>
    InverseWeight,
}
