using System.Text.Json;

namespace Liaison.Cli.Tests.NetworkX;

/// <summary>
/// <c>liaison analyze --edges FILE --json</c> against NetworkX run live on the same file: every
/// per-node measure to 1e-9, components as partitions, core numbers exactly, and the communities:
/// NetworkX's <c>modularity</c> of Liaison's partition equals Liaison's figure, and is at least the
/// best of NetworkX's <c>louvain_communities</c> over seeds 0–4.
/// </summary>
public sealed class AnalyzeAgainstNetworkXTests(AnalyzeAgainstNetworkXTests.Runs runs) : IClassFixture<AnalyzeAgainstNetworkXTests.Runs>
{
    private const double Tolerance = 1e-9;

    /// <summary>Each network is analysed by liaison and by NetworkX once, for all three tests.</summary>
    public sealed class Runs : IDisposable
    {
        private readonly string _dir = Directory.CreateTempSubdirectory("liaison-networkx-").FullName;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<(JsonElement, JsonElement)>> _runs = new(StringComparer.Ordinal);

        public (JsonElement Ours, JsonElement NetworkX) Of(string network) =>
            _runs.GetOrAdd(network, n => new Lazy<(JsonElement, JsonElement)>(() => Run(n))).Value;

        public void Dispose() => Directory.Delete(_dir, recursive: true);

        private (JsonElement, JsonElement) Run(string network)
        {
            var edges = EdgeFiles.Write(network, _dir);
            var oursPath = Path.Combine(_dir, network + ".liaison.json");
            var json = LiaisonAnalyze.Json(edges);
            File.WriteAllText(oursPath, json);
            return (JsonDocument.Parse(json).RootElement.Clone(), PythonNetworkX.Reference(edges, oursPath));
        }
    }

    public static TheoryData<string> Networks() => [.. EdgeFiles.CriminalNetworks(), .. EdgeFiles.Generated()];

    [NetworkXTheory]
    [MemberData(nameof(Networks))]
    public void Analyze_json_equals_networkx_on_every_node(string network)
    {
        var (ours, networkx) = runs.Of(network);
        var nodes = ours.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!, StringComparer.Ordinal);

        Assert.Equal(networkx.GetProperty("nodes").GetInt32(), nodes.Count);
        foreach (var (measure, theirs) in new[] { ("degree", "degree"), ("weighted_degree", "weighted_degree"), ("pagerank", "pagerank"),
            ("betweenness", "betweenness"), ("closeness", "closeness"), ("core", "core") })
        {
            foreach (var expected in networkx.GetProperty(theirs).EnumerateObject())
            {
                Assert.True(nodes.TryGetValue(expected.Name, out var node), $"{network}: node {expected.Name} is missing from liaison's output");
                var actual = node.GetProperty(measure).GetDouble();
                Assert.True(Math.Abs(actual - expected.Value.GetDouble()) <= Tolerance,
                    $"{network}: {measure} of node {expected.Name} is {actual:R}, NetworkX says {expected.Value.GetDouble():R}");
            }
        }
    }

    [NetworkXTheory]
    [MemberData(nameof(Networks))]
    public void Analyze_components_are_networkx_connected_components(string network)
    {
        var (ours, networkx) = runs.Of(network);
        var expected = networkx.GetProperty("components").EnumerateArray()
            .Select(c => string.Join('|', c.EnumerateArray().Select(v => v.GetString()!).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal).ToArray();
        var actual = ours.GetProperty("nodes").EnumerateArray().GroupBy(n => n.GetProperty("component").GetInt32())
            .Select(g => string.Join('|', g.Select(n => n.GetProperty("id").GetString()!).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(expected, actual);
        Assert.Equal(expected.Length, ours.GetProperty("components").GetInt32());
    }

    [NetworkXTheory]
    [MemberData(nameof(Networks))]
    public void Analyze_modularity_is_networkx_modularity_of_the_same_partition_and_beats_its_louvain(string network)
    {
        var (ours, networkx) = runs.Of(network);
        var modularity = ours.GetProperty("modularity").GetDouble();
        var recomputed = networkx.GetProperty("modularity_of_liaison_partition").GetDouble();
        var louvain = networkx.GetProperty("louvain_modularity_by_seed").EnumerateArray().Select(m => m.GetDouble()).ToArray();

        Assert.True(Math.Abs(modularity - recomputed) <= Tolerance, $"{network}: liaison says modularity {modularity:R}, NetworkX computes {recomputed:R} for the same partition");
        Assert.True(modularity >= louvain.Max() - Tolerance, $"{network}: modularity {modularity:R} is below NetworkX's best Louvain {louvain.Max():R} (seeds 0-4: {string.Join(", ", louvain)})");
    }
}
