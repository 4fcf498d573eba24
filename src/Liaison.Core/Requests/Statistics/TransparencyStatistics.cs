using System.Globalization;
using System.Text;

namespace Liaison.Core.Requests.Statistics;

/// <summary>One line of the statistics: a group (e.g. instrument = CloudActUsUk), how many requests, and how long fulfilment took.</summary>
/// <param name="Dimension">total, type, instrument, outcome, refusal_reason, urgency, requester_jurisdiction or addressee_jurisdiction.</param>
/// <param name="Key">The group within the dimension: an enum name or an ISO country code.</param>
/// <param name="Requests">Requests in the group.</param>
/// <param name="Fulfilled">Of those, answered with data (fully or partly).</param>
/// <param name="MedianHoursToFulfil">Median hours from sending to fulfilment, over the fulfilled ones; null if none.</param>
/// <param name="P90HoursToFulfil">90th percentile (nearest rank) of the same; null if none.</param>
public sealed record StatisticsRow(string Dimension, string Key, int Requests, int Fulfilled, double? MedianHoursToFulfil, double? P90HoursToFulfil);

/// <summary>
/// Transparency and oversight figures over a set of requests. Built only from enum values, country codes
/// and times, never from case ids, targets, statements or free text, so the data protection officer and
/// oversight bodies can read it without access to case content.
/// </summary>
public sealed record TransparencyStatistics(DateTimeOffset? From, DateTimeOffset? To, IReadOnlyList<StatisticsRow> Rows)
{
    public const string CsvHeader = "dimension,key,requests,fulfilled,median_hours_to_fulfil,p90_hours_to_fulfil";

    public StatisticsRow Row(string dimension, string key) =>
        Rows.Single(r => string.Equals(r.Dimension, dimension, StringComparison.Ordinal) && string.Equals(r.Key, key, StringComparison.Ordinal));

    /// <summary>RFC 4180 CSV (CRLF line ends, header first), hours with two decimals.</summary>
    public string ToCsv()
    {
        var sb = new StringBuilder(CsvHeader).Append("\r\n");
        foreach (var r in Rows)
        {
            Rfc4180.AppendRecord(sb,
            [
                r.Dimension, r.Key, r.Requests.ToString(CultureInfo.InvariantCulture), r.Fulfilled.ToString(CultureInfo.InvariantCulture),
                Hours(r.MedianHoursToFulfil), Hours(r.P90HoursToFulfil),
            ]);
        }
        return sb.ToString();
    }

    private static string Hours(double? h) => h?.ToString("0.00", CultureInfo.InvariantCulture) ?? "";
}
