using Liaison.Core.Requests.Instruments;

namespace Liaison.Core.Requests.Statistics;

/// <summary>Compiles <see cref="TransparencyStatistics"/> from requests.</summary>
public static class TransparencyReport
{
    /// <summary>
    /// Counts the requests opened in [<paramref name="from"/>, <paramref name="to"/>) (all when no bounds are
    /// given) by type, instrument, outcome (current state), refusal reason, urgency and both jurisdictions,
    /// with the time from sending to fulfilment per group.
    /// </summary>
    public static TransparencyStatistics Compile(IEnumerable<DataAccessRequest> requests, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var chosen = requests.Where(r => InPeriod(RequestTimeline.OpenedAt(r), from, to)).ToList();
        var rows = new List<StatisticsRow> { Row("total", "all", chosen) };
        rows.AddRange(ByEnum<RequestType>(chosen, "type", r => r.Type));
        rows.AddRange(ByEnum(chosen, "instrument", r => r.Instrument));
        rows.AddRange(ByEnum<RequestState>(chosen, "outcome", r => r.State));
        rows.AddRange(ByEnum(chosen.Where(r => r.State == RequestState.Refused).ToList(), "refusal_reason", r => RequestTimeline.RefusalReason(r)));
        rows.AddRange(ByEnum<Urgency>(chosen, "urgency", r => r.Urgency));
        rows.AddRange(ByCountry(chosen, "requester_jurisdiction", r => r.Requester.Jurisdiction));
        rows.AddRange(ByCountry(chosen, "addressee_jurisdiction", r => r.Addressee.Jurisdiction));
        return new TransparencyStatistics(from, to, rows);
    }

    private static bool InPeriod(DateTimeOffset? at, DateTimeOffset? from, DateTimeOffset? to) =>
        (from is null && to is null) || (at is { } t && (from is null || t >= from) && (to is null || t < to));

    // Every value of the enum gets a line, zero or not, so that reports of different periods line up.
    private static IEnumerable<StatisticsRow> ByEnum<TEnum>(IReadOnlyList<DataAccessRequest> requests, string dimension, Func<DataAccessRequest, TEnum?> key)
        where TEnum : struct, Enum
    {
        var groups = requests.Where(r => key(r) is not null).ToLookup(r => key(r)!.Value);
        return Enum.GetValues<TEnum>().Select(v => Row(dimension, v.ToString(), groups[v].ToList()));
    }

    private static IEnumerable<StatisticsRow> ByCountry(IReadOnlyList<DataAccessRequest> requests, string dimension, Func<DataAccessRequest, string> key) =>
        requests.GroupBy(r => Jurisdictions.IsCountryCode(key(r)) ? key(r) : "unknown", StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Row(dimension, g.Key, g.ToList()));

    private static StatisticsRow Row(string dimension, string key, IReadOnlyList<DataAccessRequest> group)
    {
        var hours = group
            .Select(r => (Sent: RequestTimeline.SentAt(r), Done: RequestTimeline.FulfilledAt(r)))
            .Where(t => t.Sent is not null && t.Done is not null)
            .Select(t => (t.Done!.Value - t.Sent!.Value).TotalHours)
            .Order()
            .ToList();
        return new StatisticsRow(dimension, key, group.Count, hours.Count, Percentiles.Median(hours), Percentiles.NearestRank(hours, 0.9));
    }
}
