using Liaison.Analysis.Communities;
using Liaison.Analysis.Graphs;

namespace Liaison.Analysis.Tests.Communities;

public class LouvainTests
{
    private static Graph Cells(int cells, int size)
    {
        var builder = new GraphBuilder();
        for (var c = 0; c < cells; c++)
        {
            for (var i = 0; i < size; i++)
            {
                for (var j = i + 1; j < size; j++)
                {
                    builder.AddEdge($"c{c}m{i}", $"c{c}m{j}");
                }
            }
            // One member of each cell talks to one member of the next.
            builder.AddEdge($"c{c}m0", $"c{(c + 1) % cells}m1");
        }
        return builder.Build();
    }

    [Fact]
    public void Planted_cells_are_found_as_communities()
    {
        var graph = Cells(cells: 5, size: 6);
        var found = Louvain.Detect(graph);
        Assert.Equal(5, found.Communities.Count);
        for (var c = 0; c < 5; c++)
        {
            var community = found.Communities.Membership[$"c{c}m0"];
            for (var i = 1; i < 6; i++)
            {
                Assert.Equal(community, found.Communities.Membership[$"c{c}m{i}"]);
            }
        }
        Assert.Equal(Modularity.Compute(graph, found.Communities), found.Modularity, 12);
    }

    [Fact]
    public void Planted_cells_are_found_in_a_graph_large_enough_for_the_queue_driven_moves()
    {
        var graph = Cells(cells: 40, size: 30);
        Assert.True(graph.EdgeCount > 10_000);
        var found = Louvain.Detect(graph);
        Assert.Equal(40, found.Communities.Count);
        Assert.All(found.Communities.Sizes, size => Assert.Equal(30, size));
    }

    [Fact]
    public void The_same_seed_gives_the_same_communities()
    {
        var builder = new GraphBuilder();
        for (var i = 0; i < 300; i++)
        {
            builder.AddEdge("n" + i, "n" + ((i * 17 + 5) % 300));
            builder.AddEdge("n" + i, "n" + ((i + 1) % 300), 1 + (i % 3));
        }
        var graph = builder.Build();
        var options = new LouvainOptions { Seed = 3, Restarts = 1 };
        var first = Louvain.Detect(graph, options).Communities.Membership.Values.ToArray();
        Assert.Equal(first, Louvain.Detect(graph, options).Communities.Membership.Values.ToArray());
    }

    [Fact]
    public void Modularity_of_one_community_is_zero_and_of_singletons_negative()
    {
        var graph = Cells(3, 4);
        Assert.Equal(0, Modularity.Compute(graph, new int[graph.NodeCount]), 12);
        Assert.True(Modularity.Compute(graph, Enumerable.Range(0, graph.NodeCount).ToArray()) < 0);
    }

    [Fact]
    public void A_graph_without_edges_leaves_every_node_alone()
    {
        var builder = new GraphBuilder();
        builder.AddNode("a");
        builder.AddNode("b");
        var found = Louvain.Detect(builder.Build());
        Assert.Equal(2, found.Communities.Count);
        Assert.Equal(0, found.Modularity);
    }
}
