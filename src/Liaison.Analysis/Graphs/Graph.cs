namespace Liaison.Analysis.Graphs;

/// <summary>
/// An undirected, weighted network in compressed sparse row form: the neighbours of node <c>v</c>
/// are <c>Targets[Offsets[v]..Offsets[v+1]]</c>, sorted ascending, each undirected edge stored at
/// both ends. Nodes carry a string id, a type and a marking; edges a weight, a set of types and a
/// marking. Immutable once built (see <see cref="GraphBuilder"/>), so algorithms may run in parallel on it.
/// </summary>
public sealed class Graph
{
    private readonly int[] _offsets;
    private readonly int[] _targets;
    private readonly double[] _weights;
    private readonly int[] _slotEdge;
    private readonly Dictionary<string, int> _index;

    internal Graph(
        string[] nodeIds, Dictionary<string, int> index, int[] nodeTypes, int[] nodeMarkings,
        int[] edgeSources, int[] edgeTargets, double[] edgeWeights, uint[] edgeTypes, int[] edgeMarkings,
        int[] offsets, int[] targets, double[] weights, int[] slotEdge,
        string[] nodeTypeNames, string[] edgeTypeNames, Marking[] markings)
    {
        NodeIds = nodeIds;
        _index = index;
        NodeTypeCodes = nodeTypes;
        NodeMarkingCodes = nodeMarkings;
        EdgeSources = edgeSources;
        EdgeTargets = edgeTargets;
        EdgeWeights = edgeWeights;
        EdgeTypeSets = edgeTypes;
        EdgeMarkingCodes = edgeMarkings;
        _offsets = offsets;
        _targets = targets;
        _weights = weights;
        _slotEdge = slotEdge;
        NodeTypeNames = nodeTypeNames;
        EdgeTypeNames = edgeTypeNames;
        MarkingTable = markings;
        Marking = MarkingOf(Enumerable.Range(0, nodeIds.Length), Enumerable.Range(0, edgeSources.Length));
        IsWeighted = edgeWeights.Any(w => w != 1.0);
    }

    public int NodeCount => NodeIds.Count;

    /// <summary>The number of undirected edges (parallel edges merged, self-loops dropped).</summary>
    public int EdgeCount => EdgeSources.Length;

    /// <summary>True when some edge has a weight other than 1.</summary>
    public bool IsWeighted { get; }

    /// <summary>The narrowest marking of every node and edge: what a whole-graph result carries.</summary>
    public Marking Marking { get; }

    public IReadOnlyList<string> NodeIds { get; }

    public IReadOnlyList<string> NodeTypeNames { get; }

    public IReadOnlyList<string> EdgeTypeNames { get; }

    internal int[] NodeTypeCodes { get; }
    internal int[] NodeMarkingCodes { get; }
    internal int[] EdgeSources { get; }
    internal int[] EdgeTargets { get; }
    internal double[] EdgeWeights { get; }
    internal uint[] EdgeTypeSets { get; }
    internal int[] EdgeMarkingCodes { get; }
    internal Marking[] MarkingTable { get; }

    /// <summary>The CSR row offsets (length <see cref="NodeCount"/> + 1).</summary>
    public ReadOnlySpan<int> Offsets => _offsets;

    /// <summary>The CSR column indices (length 2 × <see cref="EdgeCount"/>).</summary>
    public ReadOnlySpan<int> Targets => _targets;

    /// <summary>The weight of each CSR slot, parallel to <see cref="Targets"/>.</summary>
    public ReadOnlySpan<double> Weights => _weights;

    internal int[] OffsetArray => _offsets;
    internal int[] TargetArray => _targets;
    internal double[] WeightArray => _weights;

    public int IndexOf(string id) =>
        _index.TryGetValue(id, out var i) ? i : throw new KeyNotFoundException($"The network has no node '{id}'.");

    public bool TryIndexOf(string id, out int index) => _index.TryGetValue(id, out index);

    public int Degree(int node) => _offsets[node + 1] - _offsets[node];

    public ReadOnlySpan<int> Neighbours(int node) => _targets.AsSpan(_offsets[node], _offsets[node + 1] - _offsets[node]);

    public ReadOnlySpan<double> NeighbourWeights(int node) => _weights.AsSpan(_offsets[node], _offsets[node + 1] - _offsets[node]);

    /// <summary>The edge index stored in CSR slot <paramref name="slot"/>.</summary>
    public int EdgeAt(int slot) => _slotEdge[slot];

    public string NodeType(int node) => NodeTypeNames[NodeTypeCodes[node]];

    public Marking NodeMarking(int node) => MarkingTable[NodeMarkingCodes[node]];

    public (int Source, int Target) EdgeEnds(int edge) => (EdgeSources[edge], EdgeTargets[edge]);

    public double EdgeWeight(int edge) => EdgeWeights[edge];

    public Marking EdgeMarking(int edge) => MarkingTable[EdgeMarkingCodes[edge]];

    /// <summary>The types of an edge; merged parallel edges keep every type they had.</summary>
    public IEnumerable<string> EdgeTypes(int edge)
    {
        var set = EdgeTypeSets[edge];
        for (var t = 0; t < EdgeTypeNames.Count; t++)
        {
            if ((set & (1u << t)) != 0)
            {
                yield return EdgeTypeNames[t];
            }
        }
    }

    /// <summary>The edge between two nodes, or -1 (binary search: rows are sorted).</summary>
    public int FindEdge(int a, int b)
    {
        var row = Neighbours(a);
        var at = row.BinarySearch(b);
        return at < 0 ? -1 : _slotEdge[_offsets[a] + at];
    }

    /// <summary>The narrowest marking of a set of nodes and the edges among them that a result read.</summary>
    internal Marking MarkingOf(IEnumerable<int> nodes, IEnumerable<int> edges)
    {
        if (MarkingTable.Length == 1)
        {
            return MarkingTable[0];
        }
        var seen = new bool[MarkingTable.Length];
        foreach (var n in nodes)
        {
            seen[NodeMarkingCodes[n]] = true;
        }
        foreach (var e in edges)
        {
            seen[EdgeMarkingCodes[e]] = true;
        }
        Marking? result = null;
        for (var i = 0; i < seen.Length; i++)
        {
            if (seen[i])
            {
                result = result is null ? MarkingTable[i] : result.Narrow(MarkingTable[i]);
            }
        }
        return result ?? MarkingTable[0];
    }
}
