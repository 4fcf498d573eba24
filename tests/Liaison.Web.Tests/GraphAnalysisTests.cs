using System.Globalization;
using System.Text.Json;
using Liaison.Analysis.Graphs;
using Liaison.Analysis.Reports;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Liaison.Web.Tests;

/// <summary>
/// The graph explorer shows the analysis engine's results: node size by PageRank, colour by Louvain
/// community, a key-players table with scores and the modularity. The expected values are computed
/// here with the engine on the graph the page serves, so the page must show exactly those.
/// </summary>
[Collection(CaseWorkCollection.Name)]
public sealed class GraphAnalysisTests(CaseWorkNode web)
{
    [Fact]
    public async Task Key_players_table_lists_the_highest_pagerank_first_with_the_modularity_of_the_communities()
    {
        await using var s = await web.SignInAsync("investigator");
        await s.OpenCaseAsync(BrowserNode.Kestrel, "graph");
        var expected = await ExpectedReportAsync(s);

        var rows = s.Page.Locator("#key-players tbody tr");
        await Expect(rows).ToHaveCountAsync(Math.Min(10, expected.Nodes.Count));
        var top = expected.KeyPlayers(3).ToList();
        for (var i = 0; i < top.Count; i++)
        {
            await Expect(rows.Nth(i)).ToHaveAttributeAsync("data-entity", top[i].Id);
            await Expect(rows.Nth(i).Locator("td").Nth(4)).ToHaveTextAsync(top[i].PageRank.ToString("0.0000", CultureInfo.InvariantCulture));
            await Expect(rows.Nth(i).Locator("td").Nth(5)).ToHaveTextAsync(top[i].Betweenness.ToString("0.0000", CultureInfo.InvariantCulture));
        }
        await Expect(s.Page.Locator("#modularity")).ToHaveTextAsync(expected.Modularity.ToString("0.000", CultureInfo.InvariantCulture));
        await Expect(s.Page.Locator("#communities-summary")).ToContainTextAsync($"{expected.Communities.Communities.Count} communities");
        await Expect(s.Page.Locator(".key-players .tlp")).Not.ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Nodes_are_sized_by_pagerank_and_coloured_by_community()
    {
        await using var s = await web.SignInAsync("investigator");
        await s.OpenCaseAsync(BrowserNode.Kestrel, "graph");
        var expected = await ExpectedReportAsync(s);
        await Expect(s.Page.Locator("#graph[data-ready=true]")).ToBeVisibleAsync();

        var drawn = await s.Page.EvaluateAsync<JsonElement>("() => window.liaisonGraph.nodes().map(n => ({ id: n.id(), size: n.data('size'), colour: n.data('colour') }))");

        var byId = drawn.EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!, StringComparer.Ordinal);
        var max = expected.Nodes.Max(n => n.PageRank);
        foreach (var node in expected.Nodes)
        {
            // graph.js draws 16 px plus 44 px times the size, the size being PageRank over the largest PageRank.
            Assert.Equal(16 + (44 * node.PageRank / max), byId[node.Id].GetProperty("size").GetDouble(), 6);
        }
        var colours = expected.Nodes.GroupBy(n => n.Community).Select(g => g.Select(n => byId[n.Id].GetProperty("colour").GetString()).Distinct().ToList()).ToList();
        Assert.All(colours, c => Assert.Single(c));
        Assert.Equal(colours.Count, colours.Select(c => c[0]).Distinct().Count());
        await Expect(s.Page.Locator(".graph-foot")).ToContainTextAsync("Node size: PageRank. Colour: community.");
    }

    /// <summary>The engine's report on the graph the page draws (nodes and weighted links from the graph endpoint).</summary>
    private static async Task<NetworkReport> ExpectedReportAsync(BrowserSession s)
    {
        var json = (await (await s.Context.APIRequest.GetAsync($"/web/cases/{BrowserNode.Kestrel}/graph")).JsonAsync())!.Value;
        var builder = new GraphBuilder(parallel: ParallelEdges.Sum);
        foreach (var n in json.GetProperty("nodes").EnumerateArray())
        {
            builder.AddNode(n.GetProperty("id").GetString()!, n.GetProperty("schema").GetString());
        }
        foreach (var e in json.GetProperty("edges").EnumerateArray())
        {
            builder.AddEdge(e.GetProperty("source").GetString()!, e.GetProperty("target").GetString()!, e.GetProperty("weight").GetInt32());
        }
        return NetworkReport.Compute(builder.Build());
    }
}
