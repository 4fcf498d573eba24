namespace Liaison.Analysis.EntityResolution;

/// <summary>The clusters of a resolution run, the records that could not be used and why.</summary>
public sealed class EntityResolutionResult
{
    private readonly Dictionary<string, SubjectCluster> _byRecord;

    internal EntityResolutionResult(IReadOnlyList<SubjectCluster> clusters, IReadOnlyList<(string RecordId, string Reason)> rejected)
    {
        Clusters = clusters;
        Rejected = rejected;
        _byRecord = new Dictionary<string, SubjectCluster>(StringComparer.Ordinal);
        foreach (var cluster in clusters)
        {
            foreach (var id in cluster.RecordIds)
            {
                _byRecord[id] = cluster;
            }
        }
    }

    /// <summary>Every cluster, singletons included, largest first.</summary>
    public IReadOnlyList<SubjectCluster> Clusters { get; }

    /// <summary>Records left out because they failed validation (record id and the validator's reason).</summary>
    public IReadOnlyList<(string RecordId, string Reason)> Rejected { get; }

    public SubjectCluster ClusterOf(string recordId) =>
        _byRecord.TryGetValue(recordId, out var c) ? c : throw new KeyNotFoundException($"Record '{recordId}' was not resolved.");

    public bool TryClusterOf(string recordId, out SubjectCluster cluster) => _byRecord.TryGetValue(recordId, out cluster!);

    public bool SameSubject(string a, string b) => TryClusterOf(a, out var ca) && TryClusterOf(b, out var cb) && ReferenceEquals(ca, cb);
}
