using System.Globalization;
using Liaison.Analysis.Graphs;
using Liaison.Core.Model;

namespace Liaison.Analysis.Ads;

/// <summary>
/// An online sex-services advertisement as the indicators need it: its text, city, date, hourly
/// price, and the contact identifiers and image hashes that link it to other ads.
/// </summary>
public sealed record Advertisement(
    string Id,
    string Text,
    string? City,
    DateTimeOffset? Posted,
    double? PricePerHour,
    IReadOnlyList<string> Phones,
    IReadOnlyList<string> Emails,
    IReadOnlyList<string> ImageHashes)
{
    public Marking Marking { get; init; } = Marking.Default;

    /// <summary>
    /// From an <c>Advertisement</c> record: title and body as text, the validator's normalised phones
    /// and e-mails (so "07911 123456" and "+44 7911 123456" link), <c>price</c> taken as the hourly rate.
    /// </summary>
    public static Advertisement FromRecord(EntityRecord record, IReadOnlyList<Identifier> identifiers)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(identifiers);
        if (!Schemata.TryGet(record.Schema, out var schema) || !schema.IsA("Advertisement"))
        {
            throw new ArgumentException($"Record {record.Id} is a {record.Schema}, not an Advertisement.", nameof(record));
        }
        var text = string.Join("\n", record.Values("title").Concat(record.Values("bodyText")));
        double? price = record.First("price") is { } p && double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : null;
        DateTimeOffset? posted = record.First("date") is { } d && DateTimeOffset.TryParse(d, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
        return new Advertisement(
            record.Id, text, record.First("city"), posted, price,
            identifiers.Where(i => i.Kind == IdentifierKind.Phone).Select(i => i.Value).Distinct(StringComparer.Ordinal).ToArray(),
            identifiers.Where(i => i.Kind == IdentifierKind.Email).Select(i => i.Value).Distinct(StringComparer.Ordinal).ToArray(),
            record.Values("imageHash").Distinct(StringComparer.Ordinal).ToArray())
        {
            Marking = Marking.Of(record.Envelope),
        };
    }
}
