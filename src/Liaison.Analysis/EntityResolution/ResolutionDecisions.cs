namespace Liaison.Analysis.EntityResolution;

/// <summary>
/// The analysts' merge and split decisions for a case, in the order taken, with revocations kept.
/// Storage persists this list; the resolver only reads the decisions in force.
/// </summary>
public sealed class ResolutionDecisions
{
    private readonly List<ResolutionDecision> _all = [];
    private readonly TimeProvider _clock;

    public ResolutionDecisions(TimeProvider clock, IEnumerable<ResolutionDecision>? existing = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        _clock = clock;
        if (existing is not null)
        {
            _all.AddRange(existing);
        }
    }

    public IReadOnlyList<ResolutionDecision> All => _all;

    public IEnumerable<ResolutionDecision> InForce => _all.Where(d => d.InForce);

    public ResolutionDecision Merge(string recordA, string recordB, string decidedBy, string reason) =>
        Add(DecisionKind.Merge, recordA, recordB, decidedBy, reason);

    public ResolutionDecision Split(string recordA, string recordB, string decidedBy, string reason) =>
        Add(DecisionKind.Split, recordA, recordB, decidedBy, reason);

    /// <summary>Withdraws a decision; the clusters go back to what the rules and the other decisions give.</summary>
    public ResolutionDecision Revoke(string decisionId, string revokedBy)
    {
        var index = _all.FindIndex(d => string.Equals(d.Id, decisionId, StringComparison.Ordinal));
        if (index < 0)
        {
            throw new KeyNotFoundException($"No resolution decision '{decisionId}'.");
        }
        if (!_all[index].InForce)
        {
            throw new InvalidOperationException($"Resolution decision '{decisionId}' is already revoked.");
        }
        _all[index] = _all[index] with { RevokedAt = _clock.GetUtcNow(), RevokedBy = revokedBy };
        return _all[index];
    }

    private ResolutionDecision Add(DecisionKind kind, string a, string b, string decidedBy, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(a);
        ArgumentException.ThrowIfNullOrWhiteSpace(b);
        ArgumentException.ThrowIfNullOrWhiteSpace(decidedBy);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            throw new ArgumentException("A decision needs two different records.", nameof(b));
        }
        var id = "d" + (_all.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var decision = new ResolutionDecision(id, kind, a, b, decidedBy, _clock.GetUtcNow(), reason);
        _all.Add(decision);
        return decision;
    }
}
