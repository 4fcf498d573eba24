namespace Liaison.Analysis.EntityResolution;

/// <summary>
/// Union–find over records that keeps, per cluster, its persons, so a join can be refused when it
/// would put clearly different persons together or break a manual split.
/// </summary>
internal sealed class SubjectUnion
{
    private readonly int[] _parent;
    private readonly int[] _rank;
    private readonly List<int>?[] _persons;

    public SubjectUnion(IReadOnlyList<RecordProfile> profiles)
    {
        var n = profiles.Count;
        _parent = new int[n];
        _rank = new int[n];
        _persons = new List<int>?[n];
        for (var i = 0; i < n; i++)
        {
            _parent[i] = i;
            if (profiles[i].IsPerson)
            {
                _persons[i] = [i];
            }
        }
    }

    public int Find(int x)
    {
        while (_parent[x] != x)
        {
            _parent[x] = _parent[_parent[x]];
            x = _parent[x];
        }
        return x;
    }

    public IReadOnlyList<int> PersonsOf(int root) => _persons[root] ?? (IReadOnlyList<int>)[];

    public void Union(int a, int b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb)
        {
            return;
        }
        if (_rank[ra] < _rank[rb])
        {
            (ra, rb) = (rb, ra);
        }
        _parent[rb] = ra;
        if (_rank[ra] == _rank[rb])
        {
            _rank[ra]++;
        }
        if (_persons[rb] is { } moving)
        {
            (_persons[ra] ??= []).AddRange(moving);
            _persons[rb] = null;
        }
    }
}
