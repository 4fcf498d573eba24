using Liaison.Core.Identifiers;
using Liaison.Core.Model;

namespace Liaison.Analysis.EntityResolution;

/// <summary>What resolution needs to know about one record, derived once: its identifiers, names and dates of birth.</summary>
internal sealed class RecordProfile
{
    private static readonly HashSet<string> NameProperties = new(StringComparer.Ordinal) { "name", "alias", "previousName", "weakAlias" };

    public RecordProfile(int index, EntityRecord record, Schema schema, IReadOnlyList<Identifier> identifiers)
    {
        Index = index;
        Record = record;
        Schema = schema;
        Identifiers = identifiers;
        IsPerson = schema.IsA("Person");
        IsParty = IsPerson || schema.Canonical == "Organization";
        if (IsPerson)
        {
            var names = new List<string>();
            foreach (var property in NameProperties)
            {
                names.AddRange(record.Values(property).Select(PersonNames.SearchKey));
            }
            var given = string.Join(' ', record.Values("firstName").Concat(record.Values("middleName")));
            var family = string.Join(' ', record.Values("lastName"));
            if (given.Length + family.Length > 0)
            {
                names.Add(PersonNames.SearchKey(given + " " + family));
            }
            NameKeys = names.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
            SortedNameKeys = NameKeys.Select(PersonNames.OrderInsensitiveKey).ToArray();
            BirthDates = identifiers.Where(i => i.Kind == IdentifierKind.BirthDate)
                .Select(i => PartialDate.TryParse(i.Value, out var d) ? d : (PartialDate?)null)
                .OfType<PartialDate>().Distinct().ToArray();
        }
        else
        {
            NameKeys = [];
            SortedNameKeys = [];
            BirthDates = [];
        }
    }

    public int Index { get; }
    public EntityRecord Record { get; }
    public Schema Schema { get; }
    public string Id => Record.Id;
    public IReadOnlyList<Identifier> Identifiers { get; }
    public bool IsPerson { get; }

    /// <summary>Persons and organisations: records that own or use things.</summary>
    public bool IsParty { get; }

    public string[] NameKeys { get; }
    public string[] SortedNameKeys { get; }
    public PartialDate[] BirthDates { get; }

    /// <summary>The identifiers that say which thing this is (a Phone's number, a BankAccount's IBAN); empty for parties.</summary>
    public IEnumerable<string> ThingKeys()
    {
        if (IsParty)
        {
            yield break;
        }
        foreach (var i in Identifiers)
        {
            if (i.Kind is not (IdentifierKind.Name or IdentifierKind.BirthDate))
            {
                yield return Key(i);
            }
        }
        if (Schema.IsA("OnlineAccount") && Record.First("username") is { Length: > 0 } user)
        {
            yield return "Account:" + (Record.First("service") ?? string.Empty).Trim().ToLowerInvariant() + ":" + user.Trim().ToLowerInvariant();
        }
    }

    /// <summary>The identifiers a party lists (its phones, e-mails, document numbers …).</summary>
    public IEnumerable<Identifier> ListedIdentifiers() =>
        IsParty ? Identifiers.Where(i => i.Kind is not (IdentifierKind.Name or IdentifierKind.BirthDate)) : [];

    public static string Key(Identifier i) => i.Kind + ":" + i.Value;

    /// <summary>Best Jaro–Winkler similarity over both persons' names, as written and with tokens sorted.</summary>
    public double NameSimilarity(RecordProfile other)
    {
        var best = 0.0;
        for (var i = 0; i < NameKeys.Length; i++)
        {
            for (var j = 0; j < other.NameKeys.Length; j++)
            {
                best = Math.Max(best, JaroWinkler.Similarity(NameKeys[i], other.NameKeys[j]));
                best = Math.Max(best, JaroWinkler.Similarity(SortedNameKeys[i], other.SortedNameKeys[j]));
            }
        }
        return best;
    }

    /// <summary>Whether two partial dates can be the same day (1984 is compatible with 1984-07-21).</summary>
    public static bool Compatible(PartialDate a, PartialDate b) =>
        a.Year == b.Year && (a.Month is null || b.Month is null || (a.Month == b.Month && (a.Day is null || b.Day is null || a.Day == b.Day)));
}
