namespace Liaison.Analysis.Graphs;

/// <summary>
/// Collects nodes and edges by string id and builds an immutable <see cref="Graph"/>. Parallel
/// edges are merged (<see cref="ParallelEdges"/>), their types united and their markings narrowed;
/// self-loops are dropped and counted, because a subject linked to itself says nothing about the network.
/// </summary>
public sealed class GraphBuilder
{
    /// <summary>The most distinct edge types a graph can carry (edge types are a 32-bit set).</summary>
    public const int MaxEdgeTypes = 32;

    private const string DefaultNodeType = "node";
    private const string DefaultEdgeType = "link";

    private readonly Marking _defaultMarking;
    private readonly ParallelEdges _parallel;
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<string> _ids = [];
    private readonly List<int> _nodeTypes = [];
    private readonly List<int> _nodeMarkings = [];
    private readonly List<int> _sources = [];
    private readonly List<int> _targets = [];
    private readonly List<double> _weights = [];
    private readonly List<byte> _edgeTypes = [];
    private readonly List<int> _edgeMarkings = [];
    private readonly Dictionary<string, int> _nodeTypeCodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _edgeTypeCodes = new(StringComparer.Ordinal);
    private readonly Dictionary<Marking, int> _markingCodes = [];
    private readonly List<Marking> _markingTable = [];

    public GraphBuilder(Marking? defaultMarking = null, ParallelEdges parallel = ParallelEdges.Sum)
    {
        _defaultMarking = defaultMarking ?? Marking.Default;
        _parallel = parallel;
    }

    /// <summary>Self-loops seen and dropped.</summary>
    public int SelfLoopsIgnored { get; private set; }

    public int NodeCount => _ids.Count;

    /// <summary>Adds a node, or narrows the marking (and sets the type) of one already seen. Returns its index.</summary>
    public int AddNode(string id, string? type = null, Marking? marking = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (_index.TryGetValue(id, out var existing))
        {
            if (marking is not null)
            {
                _nodeMarkings[existing] = MarkingCode(_markingTable[_nodeMarkings[existing]].Narrow(marking));
            }
            if (type is not null)
            {
                _nodeTypes[existing] = Code(_nodeTypeCodes, type, int.MaxValue);
            }
            return existing;
        }
        return Create(id, type, MarkingCode(marking ?? _defaultMarking));
    }

    /// <summary>Adds an undirected edge; nodes not yet seen are created with the edge's marking.</summary>
    public void AddEdge(string source, string target, double weight = 1.0, string? type = null, Marking? marking = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(source);
        ArgumentException.ThrowIfNullOrEmpty(target);
        if (!double.IsFinite(weight) || weight <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(weight), weight, "An edge weight must be a positive finite number.");
        }
        var markingCode = MarkingCode(marking ?? _defaultMarking);
        var s = _index.TryGetValue(source, out var si) ? si : Create(source, null, markingCode);
        var t = _index.TryGetValue(target, out var ti) ? ti : Create(target, null, markingCode);
        if (s == t)
        {
            SelfLoopsIgnored++;
            return;
        }
        _sources.Add(Math.Min(s, t));
        _targets.Add(Math.Max(s, t));
        _weights.Add(weight);
        _edgeTypes.Add((byte)Code(_edgeTypeCodes, type ?? DefaultEdgeType, MaxEdgeTypes));
        _edgeMarkings.Add(markingCode);
    }

    public Graph Build()
    {
        if (_markingTable.Count == 0)
        {
            MarkingCode(_defaultMarking);
        }
        if (_nodeTypeCodes.Count == 0)
        {
            Code(_nodeTypeCodes, DefaultNodeType, int.MaxValue);
        }
        var n = _ids.Count;
        var order = SortedEdgeOrder(n);
        var (src, dst, w, types, marks) = MergeParallel(order);
        var m = src.Length;

        var offsets = new int[n + 1];
        for (var e = 0; e < m; e++)
        {
            offsets[src[e] + 1]++;
            offsets[dst[e] + 1]++;
        }
        for (var v = 0; v < n; v++)
        {
            offsets[v + 1] += offsets[v];
        }
        var next = offsets[..n];
        var targets = new int[2 * m];
        var weights = new double[2 * m];
        var slotEdge = new int[2 * m];
        // Edges are sorted by (min, max) end, so each row receives its smaller neighbours first and
        // then its larger ones, both ascending: rows come out sorted without a second sort.
        for (var e = 0; e < m; e++)
        {
            var a = next[src[e]]++;
            targets[a] = dst[e];
            weights[a] = w[e];
            slotEdge[a] = e;
            var b = next[dst[e]]++;
            targets[b] = src[e];
            weights[b] = w[e];
            slotEdge[b] = e;
        }
        return new Graph(
            [.. _ids], new Dictionary<string, int>(_index, StringComparer.Ordinal), [.. _nodeTypes], [.. _nodeMarkings],
            src, dst, w, types, marks, offsets, targets, weights, slotEdge,
            Names(_nodeTypeCodes), Names(_edgeTypeCodes), [.. _markingTable]);
    }

    private int Create(string id, string? type, int markingCode)
    {
        var index = _ids.Count;
        _index.Add(id, index);
        _ids.Add(id);
        _nodeTypes.Add(Code(_nodeTypeCodes, type ?? DefaultNodeType, int.MaxValue));
        _nodeMarkings.Add(markingCode);
        return index;
    }

    private int MarkingCode(Marking marking)
    {
        if (!_markingCodes.TryGetValue(marking, out var code))
        {
            code = _markingTable.Count;
            _markingCodes.Add(marking, code);
            _markingTable.Add(marking);
        }
        return code;
    }

    private static int Code(Dictionary<string, int> codes, string name, int limit)
    {
        if (!codes.TryGetValue(name, out var code))
        {
            if (codes.Count >= limit)
            {
                throw new InvalidOperationException($"A network can carry at most {limit} edge types.");
            }
            code = codes.Count;
            codes.Add(name, code);
        }
        return code;
    }

    private static string[] Names(Dictionary<string, int> codes)
    {
        var names = new string[codes.Count];
        foreach (var (name, code) in codes)
        {
            names[code] = name;
        }
        return names;
    }

    // Counting sort by the smaller end, then a sort of each bucket by the larger end: O(m log d)
    // and no 64-bit keys, which matters at ten million edges.
    private int[] SortedEdgeOrder(int n)
    {
        var m = _sources.Count;
        var start = new int[n + 1];
        foreach (var s in _sources)
        {
            start[s + 1]++;
        }
        for (var v = 0; v < n; v++)
        {
            start[v + 1] += start[v];
        }
        var fill = start[..n];
        var order = new int[m];
        for (var e = 0; e < m; e++)
        {
            order[fill[_sources[e]]++] = e;
        }
        var keys = new int[m];
        for (var i = 0; i < m; i++)
        {
            keys[i] = _targets[order[i]];
        }
        for (var v = 0; v < n; v++)
        {
            var len = start[v + 1] - start[v];
            if (len > 1)
            {
                keys.AsSpan(start[v], len).Sort(order.AsSpan(start[v], len));
            }
        }
        return order;
    }

    private (int[] Src, int[] Dst, double[] W, uint[] Types, int[] Marks) MergeParallel(int[] order)
    {
        var src = new List<int>(order.Length);
        var dst = new List<int>(order.Length);
        var w = new List<double>(order.Length);
        var types = new List<uint>(order.Length);
        var marks = new List<int>(order.Length);
        foreach (var e in order)
        {
            var last = src.Count - 1;
            if (last >= 0 && src[last] == _sources[e] && dst[last] == _targets[e])
            {
                w[last] = _parallel == ParallelEdges.Sum ? w[last] + _weights[e] : Math.Max(w[last], _weights[e]);
                types[last] |= 1u << _edgeTypes[e];
                if (marks[last] != _edgeMarkings[e])
                {
                    marks[last] = MarkingCode(_markingTable[marks[last]].Narrow(_markingTable[_edgeMarkings[e]]));
                }
                continue;
            }
            src.Add(_sources[e]);
            dst.Add(_targets[e]);
            w.Add(_weights[e]);
            types.Add(1u << _edgeTypes[e]);
            marks.Add(_edgeMarkings[e]);
        }
        return ([.. src], [.. dst], [.. w], [.. types], [.. marks]);
    }
}
