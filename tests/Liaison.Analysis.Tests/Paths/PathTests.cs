using Liaison.Analysis.Graphs;
using Liaison.Analysis.Paths;
using Liaison.Core.Markings;

namespace Liaison.Analysis.Tests.Paths;

public class PathTests
{
    private static readonly Marking Red = new(Tlp.Red, Handling.LawEnforcementOnly);

    // s - a - t is short but weak; s - b - c - t is long but strong; d hangs off t with a RED tie.
    private static Graph Network()
    {
        var builder = new GraphBuilder(new Marking(Tlp.Green, Handling.LawEnforcementOnly));
        builder.AddEdge("s", "a", 1);
        builder.AddEdge("a", "t", 1);
        builder.AddEdge("s", "b", 10);
        builder.AddEdge("b", "c", 10);
        builder.AddEdge("c", "t", 10);
        builder.AddEdge("t", "d", 1, "Call", Red);
        builder.AddNode("island");
        return builder.Build();
    }

    [Fact]
    public void Fewest_hops_goes_through_the_short_route()
    {
        var path = ShortestPaths.Between(Network(), "s", "t");
        Assert.NotNull(path);
        Assert.Equal(["s", "a", "t"], path.Nodes);
        Assert.Equal(2, path.Cost);
    }

    [Fact]
    public void Inverse_weight_prefers_the_strong_ties()
    {
        var path = ShortestPaths.Between(Network(), "s", "t", PathCost.InverseWeight);
        Assert.NotNull(path);
        Assert.Equal(["s", "b", "c", "t"], path.Nodes);
        Assert.Equal(0.3, path.Cost, 12);
    }

    [Fact]
    public void Unconnected_subjects_have_no_path() =>
        Assert.Null(ShortestPaths.Between(Network(), "s", "island"));

    [Fact]
    public void K_shortest_lists_the_detours_in_cost_order()
    {
        var paths = ShortestPaths.KShortest(Network(), "s", "t", 5);
        Assert.Equal(2, paths.Count);
        Assert.Equal(["s", "a", "t"], paths[0].Nodes);
        Assert.Equal(["s", "b", "c", "t"], paths[1].Nodes);
    }

    [Fact]
    public void A_path_carries_the_marking_of_what_it_crosses_not_of_the_whole_graph()
    {
        var graph = Network();
        Assert.Equal(Tlp.Red, graph.Marking.Tlp);
        Assert.Equal(Tlp.Green, ShortestPaths.Between(graph, "s", "t")!.Marking.Tlp);
        Assert.Equal(Tlp.Red, ShortestPaths.Between(graph, "s", "d")!.Marking.Tlp);
    }

    [Fact]
    public void Ego_network_holds_the_neighbours_within_the_radius_and_their_ties()
    {
        var graph = Network();
        var ego = EgoNetwork.Of(graph, "t", radius: 1);
        Assert.Equal(["a", "c", "d", "t"], ego.Network.NodeIds.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(3, ego.Network.EdgeCount);
        Assert.Equal(Tlp.Red, ego.Marking.Tlp);
        Assert.Equal(6, EgoNetwork.Of(graph, "t", radius: 3).Network.NodeCount);
    }

    [Fact]
    public void Common_neighbours_are_the_contacts_all_subjects_share()
    {
        var graph = Network();
        var common = CommonNeighbours.Of(graph, "s", "t");
        Assert.Equal(["a"], common.Shared);
        Assert.Equal(Tlp.Green, common.Marking.Tlp);
        Assert.Throws<ArgumentException>(() => CommonNeighbours.Of(graph, "s"));
    }
}
