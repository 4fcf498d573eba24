using Liaison.Analysis.Centrality;
using Liaison.Analysis.Graphs;
using Liaison.Analysis.Structure;

namespace Liaison.Analysis.Tests.Graphs;

public class CentralityTests
{
    private static Graph Build(params (string A, string B)[] edges)
    {
        var builder = new GraphBuilder();
        foreach (var (a, b) in edges)
        {
            builder.AddEdge(a, b);
        }
        return builder.Build();
    }

    [Fact]
    public void The_broker_between_two_groups_has_all_the_betweenness()
    {
        // Two triangles joined only through "broker".
        var graph = Build(("a1", "a2"), ("a2", "a3"), ("a1", "a3"), ("a3", "broker"), ("broker", "b1"), ("b1", "b2"), ("b2", "b3"), ("b1", "b3"));
        var betweenness = Betweenness.Compute(graph);
        Assert.Equal("broker", betweenness.Ranked(1).Single().Id);
        // Of the 15 pairs not involving a node, broker lies on the 9 between the a's and the b's,
        // a3 on the 8 between {a1, a2} and {broker, b1, b2, b3}.
        Assert.Equal(9.0 / 15, betweenness["broker"], 12);
        Assert.Equal(8.0 / 15, betweenness["a3"], 12);
        Assert.Equal(0, betweenness["a1"]);
    }

    [Fact]
    public void Sampling_every_source_is_the_exact_betweenness()
    {
        var graph = Build(("a", "b"), ("b", "c"), ("c", "d"), ("b", "d"), ("d", "e"));
        var exact = Betweenness.Compute(graph).Values.ToArray();
        var sampled = Betweenness.Compute(graph, new BetweennessOptions { SampleSources = graph.NodeCount }).Values.ToArray();
        Assert.Equal(exact, sampled);
    }

    [Fact]
    public void Sampled_betweenness_is_repeatable_with_a_seed_and_ranks_the_hub_first()
    {
        var builder = new GraphBuilder();
        for (var i = 0; i < 400; i++)
        {
            builder.AddEdge("hub", "leaf" + i);
            builder.AddEdge("leaf" + i, "leaf" + ((i + 1) % 400));
        }
        var graph = builder.Build();
        var options = new BetweennessOptions { SampleSources = 40, Seed = 9 };
        var first = Betweenness.Compute(graph, options).Values.ToArray();
        var second = Betweenness.Compute(graph, options).Values.ToArray();
        Assert.Equal(first, second);
        Assert.Equal("hub", Betweenness.Compute(graph, options).Ranked(1).Single().Id);
        var exact = Betweenness.Compute(graph)["hub"];
        Assert.InRange(first[graph.IndexOf("hub")], exact * 0.8, exact * 1.2);
    }

    [Fact]
    public void Parallel_betweenness_gives_bit_identical_results_run_after_run()
    {
        var builder = new GraphBuilder();
        for (var i = 0; i < 600; i++)
        {
            builder.AddEdge("n" + i, "n" + ((i * 37 + 11) % 600));
            builder.AddEdge("n" + i, "n" + ((i + 1) % 600));
        }
        var graph = builder.Build();
        var first = Betweenness.Compute(graph).Values.ToArray();
        for (var run = 0; run < 3; run++)
        {
            Assert.Equal(first, Betweenness.Compute(graph).Values.ToArray());
        }
    }

    [Fact]
    public void Pagerank_sums_to_one_and_isolated_nodes_get_the_teleport_share()
    {
        var builder = new GraphBuilder();
        builder.AddEdge("a", "b", 3);
        builder.AddEdge("b", "c");
        builder.AddNode("alone");
        var graph = builder.Build();
        var rank = PageRank.Compute(graph);
        Assert.Equal(1.0, rank.Values.ToArray().Sum(), 12);
        Assert.True(rank["b"] > rank["a"] && rank["a"] > rank["c"]);
        Assert.True(rank["alone"] > 0);
    }

    [Fact]
    public void Pagerank_that_cannot_converge_in_the_limit_says_so()
    {
        var graph = Build(("a", "b"), ("b", "c"), ("c", "d"));
        var e = Assert.Throws<NoConvergenceException>(() => PageRank.Compute(graph, new PageRankOptions { MaxIterations = 1, Tolerance = 1e-15 }));
        Assert.Equal(1, e.Iterations);
    }

    [Fact]
    public void Closeness_with_wf_improved_discounts_members_of_small_fragments()
    {
        var graph = Build(("a", "b"), ("c", "d"), ("d", "e"), ("e", "f"));
        var improved = Closeness.Compute(graph);
        var plain = Closeness.Compute(graph, wfImproved: false);
        Assert.Equal(1.0, plain["a"]);
        Assert.Equal(1.0 * (1.0 / 5), improved["a"], 12);
        Assert.True(improved["d"] > improved["a"]);
    }

    [Fact]
    public void Estimated_closeness_is_near_the_exact_value_and_small_fragments_are_exact()
    {
        var builder = new GraphBuilder();
        for (var i = 0; i < 3000; i++)
        {
            builder.AddEdge("n" + i, "n" + ((i + 1) % 3000));
            builder.AddEdge("n" + i, "n" + ((i * 7 + 13) % 3000));
        }
        builder.AddEdge("x", "y");
        builder.AddEdge("y", "z");
        var graph = builder.Build();
        var exact = Closeness.Compute(graph);
        var estimate = ClosenessEstimate.Compute(graph, pivots: 300, seed: 3);
        for (var v = 0; v < graph.NodeCount; v += 97)
        {
            Assert.InRange(estimate[v], exact[v] * 0.9, exact[v] * 1.1);
        }
        Assert.Equal(exact["y"], estimate["y"]);
        Assert.Equal(exact.Values.ToArray(), ClosenessEstimate.Compute(graph, pivots: graph.NodeCount).Values.ToArray());
    }

    [Fact]
    public void Components_are_numbered_largest_first()
    {
        var graph = Build(("x", "y"), ("a", "b"), ("b", "c"), ("c", "d"));
        var components = Components.Compute(graph);
        Assert.Equal(2, components.Count);
        Assert.Equal([4, 2], components.Sizes);
        Assert.Equal(0, components.Membership["a"]);
        Assert.Equal(1, components.Membership["x"]);
    }

    [Fact]
    public void Core_numbers_find_the_clique_inside_a_periphery()
    {
        var graph = Build(("a", "b"), ("a", "c"), ("a", "d"), ("b", "c"), ("b", "d"), ("c", "d"), ("d", "e"), ("e", "f"));
        var cores = CoreNumbers.Compute(graph);
        Assert.Equal(3, cores["a"]);
        Assert.Equal(3, cores["d"]);
        Assert.Equal(1, cores["e"]);
        Assert.Equal(1, cores["f"]);
    }

    [Fact]
    public void Degree_counts_contacts_and_weighted_degree_their_strength()
    {
        var builder = new GraphBuilder();
        builder.AddEdge("a", "b", 2);
        builder.AddEdge("a", "c", 0.5);
        var graph = builder.Build();
        Assert.Equal(2, Degree.Count(graph)["a"]);
        Assert.Equal(2.5, Degree.Weighted(graph)["a"]);
    }
}
