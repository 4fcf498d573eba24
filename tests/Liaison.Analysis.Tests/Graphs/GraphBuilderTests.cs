using Liaison.Analysis.Graphs;
using Liaison.Core.Markings;

namespace Liaison.Analysis.Tests.Graphs;

public class GraphBuilderTests
{
    private static readonly Marking Green = new(Tlp.Green, Handling.LawEnforcementOnly);
    private static readonly Marking Red = new(Tlp.Red, new Handling(HandlingCodes.H0 | HandlingCodes.H2));

    [Fact]
    public void Repeated_calls_between_two_phones_add_up_to_one_tie()
    {
        var builder = new GraphBuilder();
        builder.AddEdge("a", "b", 2);
        builder.AddEdge("b", "a", 3);
        var graph = builder.Build();
        Assert.Equal(1, graph.EdgeCount);
        Assert.Equal(5, graph.EdgeWeight(graph.FindEdge(graph.IndexOf("a"), graph.IndexOf("b"))));
    }

    [Fact]
    public void Max_policy_keeps_the_stronger_direction_of_an_asymmetric_tie()
    {
        var builder = new GraphBuilder(parallel: ParallelEdges.Max);
        builder.AddEdge("a", "b", 2);
        builder.AddEdge("b", "a", 7);
        Assert.Equal(7, builder.Build().EdgeWeight(0));
    }

    [Fact]
    public void Self_loops_are_dropped_and_counted()
    {
        var builder = new GraphBuilder();
        builder.AddEdge("a", "a");
        builder.AddEdge("a", "b");
        var graph = builder.Build();
        Assert.Equal(1, builder.SelfLoopsIgnored);
        Assert.Equal(1, graph.EdgeCount);
        Assert.Equal(1, graph.Degree(graph.IndexOf("a")));
    }

    [Fact]
    public void Neighbour_rows_are_sorted_and_hold_each_edge_at_both_ends()
    {
        var builder = new GraphBuilder();
        foreach (var (a, b) in new[] { ("d", "a"), ("c", "a"), ("b", "d"), ("a", "b"), ("c", "d") })
        {
            builder.AddEdge(a, b);
        }
        var graph = builder.Build();
        for (var v = 0; v < graph.NodeCount; v++)
        {
            var row = graph.Neighbours(v).ToArray();
            Assert.Equal(row.Order().ToArray(), row);
            foreach (var w in row)
            {
                Assert.Contains(v, graph.Neighbours(w).ToArray());
            }
        }
        Assert.Equal(10, graph.Targets.Length);
    }

    [Fact]
    public void Merged_edges_keep_every_type_and_the_narrowest_marking()
    {
        var builder = new GraphBuilder();
        builder.AddEdge("p1", "p2", 1, "Call", Green);
        builder.AddEdge("p1", "p2", 1, "Payment", Red);
        var graph = builder.Build();
        Assert.Equal(["Call", "Payment"], graph.EdgeTypes(0).ToArray());
        Assert.Equal(Tlp.Red, graph.EdgeMarking(0).Tlp);
        Assert.Equal(HandlingCodes.H0 | HandlingCodes.H2, graph.EdgeMarking(0).Handling.Codes);
    }

    [Fact]
    public void A_node_first_named_by_an_edge_takes_the_edge_marking_and_an_explicit_record_narrows_it()
    {
        var builder = new GraphBuilder(Green);
        builder.AddEdge("p1", "p2", 1, "Call", Red);
        builder.AddNode("p3", "Person", Green);
        builder.AddNode("p3", null, new Marking(Tlp.Amber, Handling.LawEnforcementOnly));
        var graph = builder.Build();
        Assert.Equal(Tlp.Red, graph.NodeMarking(graph.IndexOf("p1")).Tlp);
        Assert.Equal(Tlp.Amber, graph.NodeMarking(graph.IndexOf("p3")).Tlp);
        Assert.Equal("Person", graph.NodeType(graph.IndexOf("p3")));
        Assert.Equal(Tlp.Red, graph.Marking.Tlp);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Non_positive_or_non_finite_weights_are_refused(double weight) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new GraphBuilder().AddEdge("a", "b", weight));

    [Fact]
    public void More_than_32_edge_types_are_refused()
    {
        var builder = new GraphBuilder();
        for (var i = 0; i < GraphBuilder.MaxEdgeTypes; i++)
        {
            builder.AddEdge("a", "b", 1, "t" + i);
        }
        Assert.Throws<InvalidOperationException>(() => builder.AddEdge("a", "b", 1, "one too many"));
    }

    [Fact]
    public void Unknown_node_id_is_a_clear_error() =>
        Assert.Throws<KeyNotFoundException>(() => new GraphBuilder().Build().IndexOf("nobody"));
}
