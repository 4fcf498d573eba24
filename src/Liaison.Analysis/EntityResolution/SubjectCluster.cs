using Liaison.Analysis.Graphs;

namespace Liaison.Analysis.EntityResolution;

/// <summary>
/// The records that are one subject: a person with the phones, e-mails and accounts that are theirs.
/// <see cref="Evidence"/> explains every join (and every refused one touching the cluster);
/// <see cref="Key"/> is the smallest record id, stable while the membership does not change.
/// </summary>
public sealed record SubjectCluster(string Key, IReadOnlyList<string> RecordIds, IReadOnlyList<MatchEvidence> Evidence, Marking Marking)
{
    public bool IsSingleton => RecordIds.Count == 1;

    /// <summary>A readable account of why these records are together, one line per accepted piece of evidence.</summary>
    public IEnumerable<string> Explain() =>
        Evidence.Where(e => e.Accepted).Select(e => $"{e.RecordA} ~ {e.RecordB}: {e.Rule} ({e.Detail})");
}
