namespace Liaison.Core.Requests.FollowUp;

/// <summary>An identifier a hit/no-hit run matched at the peer, already in its canonical form.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Value">The canonical value, as the run matched it.</param>
public sealed record MatchedIdentifier(TargetKind Kind, string Value);

/// <summary>
/// The second step of Prüm and FIU.net Ma3tch: after a hit, a request to the agency that holds the matching
/// record for the data behind it. The draft names the matched identifiers and nothing else of the case:
/// hit/no-hit revealed only those to the peer, and a follow-up must not widen that.
/// </summary>
public static class FollowUpDraft
{
    /// <summary>The hit reference a follow-up carries: the hit/no-hit session id.</summary>
    public static string HitReference(Guid session) => "hit:" + session.ToString("D");

    public static DataAccessRequest From(string id, string caseId, Guid session, RequestingAuthority requester, Addressee holder,
        IEnumerable<MatchedIdentifier> matched, string offenceCode, int? maximumPenaltyYears, string necessityStatement)
    {
        ArgumentNullException.ThrowIfNull(matched);
        ArgumentNullException.ThrowIfNull(holder);
        var targets = matched.Select(m => new RequestTarget(m.Kind, m.Value)).Distinct().ToList();
        if (targets.Count == 0)
        {
            throw new ArgumentException("a follow-up after a hit names at least one matched identifier", nameof(matched));
        }
        return new DataAccessRequest
        {
            Id = id,
            Type = RequestType.FollowUpAfterHit,
            Instrument = LegalInstrument.PrumFollowUp,
            OffenceCode = offenceCode ?? "",
            MaximumPenaltyYears = maximumPenaltyYears,
            Targets = targets,
            Categories = DataCategory.DataBehindHit,
            NecessityStatement = necessityStatement ?? "",
            CaseId = caseId ?? "",
            HitReference = HitReference(session),
            Requester = requester,
            Addressee = holder with { Kind = AddresseeKind.Agency },
        };
    }
}
