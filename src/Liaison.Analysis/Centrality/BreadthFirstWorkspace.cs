namespace Liaison.Analysis.Centrality;

/// <summary>
/// The per-thread arrays of one breadth-first search. Allocated once per worker and reset only
/// where the last search went, so a search touching a small component costs its size, not n.
/// </summary>
internal sealed class BreadthFirstWorkspace
{
    public BreadthFirstWorkspace(int n, bool withPathCounts)
    {
        Distance = new int[n];
        Array.Fill(Distance, -1);
        Order = new int[n];
        if (withPathCounts)
        {
            PathCount = new double[n];
            Dependency = new double[n];
        }
        else
        {
            PathCount = [];
            Dependency = [];
        }
    }

    public int[] Distance { get; }

    /// <summary>Nodes in the order they were reached; read backwards it is Brandes's stack.</summary>
    public int[] Order { get; }

    public double[] PathCount { get; }

    public double[] Dependency { get; }

    /// <summary>How many nodes the last search reached (the prefix of <see cref="Order"/> to reset).</summary>
    public int Reached { get; set; }

    public void Reset()
    {
        var withCounts = PathCount.Length > 0;
        for (var i = 0; i < Reached; i++)
        {
            var v = Order[i];
            Distance[v] = -1;
            if (withCounts)
            {
                PathCount[v] = 0;
                Dependency[v] = 0;
            }
        }
        Reached = 0;
    }
}
