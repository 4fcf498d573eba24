using Liaison.Analysis.EntityResolution;
using Liaison.Storage.Resolution;

namespace Liaison.Node.Analysis;

/// <summary>The JSON answers of the entity-resolution API.</summary>
internal static class SubjectsView
{
    public sealed record Member(string Id, string Schema, string Label);

    public sealed record Cluster(string Key, Member[] Records, string[] Explanation, string[] Refused, AnalysisView.MarkingView Marking);

    public sealed record Rejected(string RecordId, string Reason);

    public sealed record Decision(string Id, string Kind, string RecordA, string RecordB, string DecidedBy, DateTimeOffset DecidedAt, string Reason,
        DateTimeOffset? RevokedAt, string? RevokedBy);

    public sealed record Resolution(string CaseId, int Records, int Clusters, Cluster[] Subjects, Rejected[] Rejected, Decision[] Decisions);

    /// <summary>The body of <c>POST …/subjects/decisions</c>.</summary>
    public sealed record NewDecision(string? Kind, string? RecordA, string? RecordB, string? Reason, string? Purpose);

    /// <summary>The body of <c>POST …/subjects/decisions/{id}/revoke</c>.</summary>
    public sealed record Revocation(string? Purpose);

    public static Decision Of(ResolutionDecisionRow row) =>
        new(IdOf(row), row.Kind, row.RecordA, row.RecordB, row.DecidedBy, row.DecidedAt, row.Reason, row.RevokedAt, row.RevokedBy);

    public static string IdOf(ResolutionDecisionRow row) => "d" + row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static ResolutionDecision ToDecision(ResolutionDecisionRow row) =>
        new(IdOf(row), row.Kind == "split" ? DecisionKind.Split : DecisionKind.Merge, row.RecordA, row.RecordB, row.DecidedBy, row.DecidedAt, row.Reason)
        {
            RevokedAt = row.RevokedAt,
            RevokedBy = row.RevokedBy,
        };

    public static Cluster Of(SubjectCluster cluster, IReadOnlyDictionary<string, (string Schema, string Label)> records) =>
        new(cluster.Key,
            cluster.RecordIds.Select(id => records.TryGetValue(id, out var r) ? new Member(id, r.Schema, r.Label) : new Member(id, "?", id)).ToArray(),
            cluster.Explain().ToArray(),
            cluster.Evidence.Where(e => !e.Accepted).Select(e => $"{e.RecordA} ~ {e.RecordB}: {e.Rule} ({e.Detail}) refused: {e.RefusedBecause}").ToArray(),
            AnalysisView.Of(cluster.Marking));
}
