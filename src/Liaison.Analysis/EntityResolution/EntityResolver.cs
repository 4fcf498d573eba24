using System.Globalization;
using Liaison.Analysis.Graphs;
using Liaison.Core.Model;
using Liaison.Core.Validation;

namespace Liaison.Analysis.EntityResolution;

/// <summary>
/// Groups a node's records into subjects: persons with their phones, e-mails and accounts.
/// Evidence is collected pairwise by explainable rules (<see cref="MatchRule"/>), then followed
/// strongest first with a union–find: manual merges, shared document numbers and duplicate things,
/// similar names with the same date of birth or a shared contact, and finally things attached to
/// the party that lists or owns them. A join is refused when a manual split forbids it or when it
/// would put two clearly different persons into one subject (a phone shared by a victim and her
/// controller must not make them one person); refusals are kept as evidence too, because a shared
/// phone between different people is itself a lead.
/// </summary>
public sealed class EntityResolver
{
    private static readonly HashSet<string> ThingSchemata = new(StringComparer.Ordinal)
    {
        "Phone", "Email", "OnlineAccount", "BankAccount", "CryptoWallet", "IdentityDocument", "Vehicle",
    };

    private readonly RecordValidator _validator;
    private readonly ResolutionOptions _options;

    public EntityResolver(RecordValidator validator, ResolutionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(validator);
        _validator = validator;
        _options = options ?? new ResolutionOptions();
    }

    public EntityResolutionResult Resolve(IEnumerable<EntityRecord> records, IEnumerable<ResolutionDecision>? decisions = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var (profiles, links, rejected) = Profile(records);
        var index = profiles.ToDictionary(p => p.Id, p => p.Index, StringComparer.Ordinal);
        var inForce = (decisions ?? []).Where(d => d.InForce).ToList();
        var evidence = new List<(int A, int B, MatchEvidence Evidence)>();
        foreach (var d in inForce.Where(d => d.Kind == DecisionKind.Merge))
        {
            if (index.TryGetValue(d.RecordA, out var a) && index.TryGetValue(d.RecordB, out var b))
            {
                evidence.Add((a, b, new MatchEvidence(d.RecordA, d.RecordB, MatchRule.ManualMerge, $"decision {d.Id} by {d.DecidedBy}: {d.Reason}")));
            }
        }
        var rules = new ResolutionRules(profiles, _options);
        evidence.AddRange(rules.SameDocument());
        evidence.AddRange(rules.SameThing());
        evidence.AddRange(rules.NameAndBirthDate());
        evidence.AddRange(rules.NameAndSharedContact());
        evidence.AddRange(rules.BelongsTo(links, index));

        var splits = inForce.Where(d => d.Kind == DecisionKind.Split)
            .Where(d => index.ContainsKey(d.RecordA) && index.ContainsKey(d.RecordB))
            .Select(d => (A: index[d.RecordA], B: index[d.RecordB], Decision: d)).ToList();
        var union = new SubjectUnion(profiles);
        var followed = new List<(int A, int B, MatchEvidence Evidence)>(evidence.Count);
        foreach (var (a, b, e) in evidence)
        {
            var refusal = e.RefusedBecause ?? Refusal(union, profiles, splits, a, b, e.Rule);
            if (refusal is null)
            {
                union.Union(a, b);
                followed.Add((a, b, e));
            }
            else
            {
                followed.Add((a, b, e with { RefusedBecause = refusal }));
            }
        }
        return new EntityResolutionResult(Clusters(profiles, union, followed), rejected);
    }

    private (List<RecordProfile> Profiles, List<(EntityRecord Link, Schema Schema)> Links, List<(string, string)> Rejected) Profile(IEnumerable<EntityRecord> records)
    {
        var profiles = new List<RecordProfile>();
        var links = new List<(EntityRecord, Schema)>();
        var rejected = new List<(string, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (!Schemata.TryGet(record.Schema, out var schema))
            {
                rejected.Add((record.Id, $"unknown schema '{record.Schema}'"));
                continue;
            }
            var isParty = schema.IsA("Person") || schema.Canonical == "Organization";
            var isThing = ThingSchemata.Contains(schema.Canonical);
            var isLink = schema.IsA("Use") || schema.IsA("Ownership");
            if (!isParty && !isThing && !isLink)
            {
                continue;
            }
            IReadOnlyList<Identifier> identifiers;
            try
            {
                identifiers = _validator.Validate(record);
            }
            catch (InvalidRecordException e)
            {
                rejected.Add((record.Id, e.Message));
                continue;
            }
            if (isLink)
            {
                links.Add((record, schema));
            }
            else if (seen.Add(record.Id))
            {
                profiles.Add(new RecordProfile(profiles.Count, record, schema, identifiers));
            }
            else
            {
                rejected.Add((record.Id, "the same record id appears twice"));
            }
        }
        return (profiles, links, rejected);
    }

    private string? Refusal(SubjectUnion union, List<RecordProfile> profiles, List<(int A, int B, ResolutionDecision Decision)> splits, int a, int b, MatchRule rule)
    {
        var ra = union.Find(a);
        var rb = union.Find(b);
        if (ra == rb)
        {
            return null;
        }
        foreach (var (x, y, decision) in splits)
        {
            var rx = union.Find(x);
            var ry = union.Find(y);
            if ((rx == ra && ry == rb) || (rx == rb && ry == ra))
            {
                return $"split decision {decision.Id} by {decision.DecidedBy} keeps {decision.RecordA} and {decision.RecordB} apart";
            }
        }
        if (rule is MatchRule.ManualMerge or MatchRule.SameDocument)
        {
            return null;
        }
        foreach (var p in union.PersonsOf(ra))
        {
            foreach (var q in union.PersonsOf(rb))
            {
                if (ClearlyDifferent(profiles[p], profiles[q], out var why))
                {
                    return $"would make {profiles[p].Id} and {profiles[q].Id} one person, but {why}";
                }
            }
        }
        return null;
    }

    private bool ClearlyDifferent(RecordProfile p, RecordProfile q, out string why)
    {
        var fullP = p.BirthDates.Where(d => d.Day is not null).ToArray();
        var fullQ = q.BirthDates.Where(d => d.Day is not null).ToArray();
        if (fullP.Length > 0 && fullQ.Length > 0 && !fullP.Intersect(fullQ).Any())
        {
            why = "their dates of birth differ";
            return true;
        }
        if (p.NameKeys.Length > 0 && q.NameKeys.Length > 0)
        {
            var similarity = p.NameSimilarity(q);
            if (similarity < _options.DifferentPersons)
            {
                why = string.Create(CultureInfo.InvariantCulture, $"their names are only {similarity:F2} similar");
                return true;
            }
        }
        why = string.Empty;
        return false;
    }

    private static List<SubjectCluster> Clusters(List<RecordProfile> profiles, SubjectUnion union, List<(int A, int B, MatchEvidence Evidence)> followed)
    {
        var members = new Dictionary<int, List<int>>();
        foreach (var p in profiles)
        {
            var root = union.Find(p.Index);
            if (!members.TryGetValue(root, out var list))
            {
                members[root] = list = [];
            }
            list.Add(p.Index);
        }
        var evidenceOf = new Dictionary<int, List<MatchEvidence>>();
        foreach (var (a, b, e) in followed)
        {
            foreach (var root in new[] { union.Find(a), union.Find(b) }.Distinct())
            {
                if (!evidenceOf.TryGetValue(root, out var list))
                {
                    evidenceOf[root] = list = [];
                }
                list.Add(e);
            }
        }
        return members
            .Select(m =>
            {
                var ids = m.Value.Select(i => profiles[i].Id).Order(StringComparer.Ordinal).ToArray();
                var marking = m.Value.Select(i => Marking.Of(profiles[i].Record.Envelope)).Aggregate((x, y) => x.Narrow(y));
                return new SubjectCluster(ids[0], ids, evidenceOf.GetValueOrDefault(m.Key) ?? [], marking);
            })
            .OrderByDescending(c => c.RecordIds.Count)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .ToList();
    }
}
