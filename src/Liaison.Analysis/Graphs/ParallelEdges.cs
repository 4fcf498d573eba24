namespace Liaison.Analysis.Graphs;

/// <summary>How several edges between the same two nodes become one.</summary>
public enum ParallelEdges
{
    /// <summary>Weights add up: three calls between two phones are a tie of strength three.</summary>
    Sum,

    /// <summary>The strongest tie wins: how an asymmetric adjacency matrix becomes undirected (max(a_ij, a_ji)).</summary>
    Max,
}
