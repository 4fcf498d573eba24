using Liaison.Analysis.Centrality;
using Liaison.Analysis.Communities;
using Liaison.Analysis.Graphs;
using Liaison.Analysis.Structure;

namespace Liaison.Bench.Analysis;

/// <summary>
/// Runs every algorithm once on a small graph before timing, so the figures measure the algorithms
/// and not the JIT compiling them (the Python peers' C and bytecode need no such step).
/// </summary>
internal static class Warm
{
    public static void Up()
    {
        var builder = new GraphBuilder();
        for (var i = 0; i < 3000; i++)
        {
            builder.AddEdge($"n{i}", $"n{(i + 1) % 3000}");
            builder.AddEdge($"n{i}", $"n{(i * 7 + 3) % 3000}", 2);
        }
        var g = builder.Build();
        PageRank.Compute(g);
        Betweenness.Compute(g, new BetweennessOptions { SampleSources = 50 });
        Betweenness.Compute(g);
        Louvain.Detect(g, new LouvainOptions { Restarts = 1 });
        Components.Compute(g);
    }
}
