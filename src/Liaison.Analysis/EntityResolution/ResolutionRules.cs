using System.Globalization;
using Liaison.Core.Model;

namespace Liaison.Analysis.EntityResolution;

/// <summary>
/// The evidence rules, each producing record pairs with an explanation. Candidates come from
/// blocks (records sharing an identifier, persons born in the same year), never from all pairs;
/// a block of k records yields a star of k−1 pairs, which joins them just the same.
/// </summary>
internal sealed class ResolutionRules(List<RecordProfile> profiles, ResolutionOptions options)
{
    private static readonly HashSet<string> EntityReferences = new(StringComparer.Ordinal) { "owner", "holder" };

    /// <summary>Persons with the same identity-document number.</summary>
    public IEnumerable<(int, int, MatchEvidence)> SameDocument()
    {
        var persons = profiles.Where(p => p.IsPerson);
        var blocks = Block(persons, p => p.Identifiers.Where(i => i.Kind == IdentifierKind.DocumentNumber).Select(RecordProfile.Key));
        return Stars(blocks, Value, MatchRule.SameDocument);
    }

    /// <summary>Two things of one kind with the same key identifier are duplicates of one thing.</summary>
    public IEnumerable<(int, int, MatchEvidence)> SameThing()
    {
        var things = profiles.Where(p => !p.IsParty);
        var blocks = Block(things, p => p.ThingKeys().Select(k => p.Schema.Canonical + "|" + k));
        return Stars(blocks, key => Value(key[(key.IndexOf('|', StringComparison.Ordinal) + 1)..]), MatchRule.SameThing);
    }

    public IEnumerable<(int, int, MatchEvidence)> NameAndBirthDate()
    {
        var byYear = Block(profiles.Where(p => p.IsPerson && p.NameKeys.Length > 0), p => p.BirthDates.Select(d => d.Year.ToString(CultureInfo.InvariantCulture)));
        var seen = new HashSet<(int, int)>();
        foreach (var (_, block) in byYear)
        {
            for (var i = 0; i < block.Count; i++)
            {
                for (var j = i + 1; j < block.Count; j++)
                {
                    var (p, q) = (profiles[block[i]], profiles[block[j]]);
                    if (!seen.Add((p.Index, q.Index)) || BirthMatch(p, q) is not { } birth)
                    {
                        continue;
                    }
                    var needed = birth.Full ? options.NameWithBirthDate : options.NameWithPartialBirthDate;
                    var similarity = p.NameSimilarity(q);
                    if (similarity >= needed)
                    {
                        yield return (p.Index, q.Index, new MatchEvidence(p.Id, q.Id, MatchRule.NameAndBirthDate,
                            string.Create(CultureInfo.InvariantCulture, $"names {similarity:F2} similar, born {birth.Text}")));
                    }
                }
            }
        }
    }

    /// <summary>Persons listing the same phone or e-mail: one person if the names agree, else a refused join worth a look.</summary>
    public IEnumerable<(int, int, MatchEvidence)> NameAndSharedContact()
    {
        var persons = profiles.Where(p => p.IsPerson && p.NameKeys.Length > 0);
        var blocks = Block(persons, p => p.Identifiers.Where(i => i.Kind is IdentifierKind.Phone or IdentifierKind.Email).Select(RecordProfile.Key));
        var seen = new HashSet<(int, int)>();
        foreach (var (key, block) in blocks)
        {
            for (var i = 0; i < block.Count; i++)
            {
                for (var j = i + 1; j < block.Count; j++)
                {
                    var (p, q) = (profiles[block[i]], profiles[block[j]]);
                    if (!seen.Add((p.Index, q.Index)))
                    {
                        continue;
                    }
                    var similarity = p.NameSimilarity(q);
                    var detail = string.Create(CultureInfo.InvariantCulture, $"both list {Value(key)}, names {similarity:F2} similar");
                    var evidence = new MatchEvidence(p.Id, q.Id, MatchRule.NameAndSharedContact, detail);
                    yield return (p.Index, q.Index, similarity >= options.NameWithSharedContact
                        ? evidence
                        : evidence with { RefusedBecause = "the names differ: different people sharing a contact" });
                }
            }
        }
    }

    /// <summary>Things attached to the party that lists their identifier, owns or holds them, or uses them.</summary>
    public IEnumerable<(int, int, MatchEvidence)> BelongsTo(List<(EntityRecord Link, Schema Schema)> links, Dictionary<string, int> index)
    {
        var thingsByKey = Block(profiles.Where(p => !p.IsParty), p => p.ThingKeys());
        var lookup = thingsByKey.ToDictionary(b => b.Key, b => b.Members, StringComparer.Ordinal);
        foreach (var party in profiles.Where(p => p.IsParty).OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            foreach (var identifier in party.ListedIdentifiers())
            {
                var key = RecordProfile.Key(identifier);
                if (lookup.TryGetValue(key, out var things))
                {
                    foreach (var t in things)
                    {
                        yield return (party.Index, t, new MatchEvidence(party.Id, profiles[t].Id, MatchRule.BelongsTo, $"{identifier.Property} {identifier.Value}"));
                    }
                }
            }
        }
        foreach (var thing in profiles.Where(p => !p.IsParty).OrderBy(p => p.Id, StringComparer.Ordinal))
        {
            foreach (var property in EntityReferences)
            {
                foreach (var owner in thing.Record.Values(property))
                {
                    if (index.TryGetValue(owner, out var o) && profiles[o].IsParty)
                    {
                        yield return (o, thing.Index, new MatchEvidence(owner, thing.Id, MatchRule.BelongsTo, $"{property} of {thing.Schema.Name}"));
                    }
                }
            }
        }
        foreach (var (link, schema) in links.OrderBy(l => l.Link.Id, StringComparer.Ordinal))
        {
            foreach (var party in link.Values(schema.SourceProperty!))
            {
                foreach (var thing in link.Values(schema.TargetProperty!))
                {
                    if (index.TryGetValue(party, out var p) && index.TryGetValue(thing, out var t) && profiles[p].IsParty && !profiles[t].IsParty)
                    {
                        yield return (p, t, new MatchEvidence(party, thing, MatchRule.BelongsTo, $"{schema.Name} link {link.Id}"));
                    }
                }
            }
        }
    }

    private static (bool Full, string Text)? BirthMatch(RecordProfile p, RecordProfile q)
    {
        foreach (var a in p.BirthDates)
        {
            foreach (var b in q.BirthDates)
            {
                if (a.Day is not null && a == b)
                {
                    return (true, a.ToString());
                }
            }
        }
        foreach (var a in p.BirthDates)
        {
            foreach (var b in q.BirthDates)
            {
                if (RecordProfile.Compatible(a, b))
                {
                    return (false, a == b ? a.ToString() : $"{a} / {b}");
                }
            }
        }
        return null;
    }

    /// <summary>"Phone:+447700900123" reads "phone +447700900123"; "Account:svc:user" reads "account svc:user".</summary>
    private static string Value(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        return key[..colon].ToLowerInvariant() + " " + key[(colon + 1)..];
    }

    /// <summary>Groups records by key; blocks in key order, members in record order, so evidence is deterministic.</summary>
    private static List<(string Key, List<int> Members)> Block(IEnumerable<RecordProfile> records, Func<RecordProfile, IEnumerable<string>> keys)
    {
        var blocks = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var r in records)
        {
            foreach (var key in keys(r).Distinct(StringComparer.Ordinal))
            {
                if (!blocks.TryGetValue(key, out var list))
                {
                    blocks[key] = list = [];
                }
                list.Add(r.Index);
            }
        }
        return blocks.Where(b => b.Value.Count > 0).OrderBy(b => b.Key, StringComparer.Ordinal).Select(b => (b.Key, b.Value)).ToList();
    }

    private IEnumerable<(int, int, MatchEvidence)> Stars(List<(string Key, List<int> Members)> blocks, Func<string, string> detail, MatchRule rule)
    {
        foreach (var (key, members) in blocks)
        {
            for (var i = 1; i < members.Count; i++)
            {
                var (a, b) = (profiles[members[0]], profiles[members[i]]);
                yield return (a.Index, b.Index, new MatchEvidence(a.Id, b.Id, rule, detail(key)));
            }
        }
    }
}
