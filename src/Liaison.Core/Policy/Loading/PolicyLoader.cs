using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Liaison.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Liaison.Core.Policy.Loading;

/// <summary>
/// Turns the text of a policy file (YAML, or JSON) into a <see cref="CompiledPolicy"/>, or throws a
/// <see cref="PolicyFileException"/> listing every error with file, line, field and reason. The file
/// format is described in docs/policy.md.
/// </summary>
public static partial class PolicyLoader
{
    /// <summary>The value the <c>format</c> key must have; bumped when the file format changes incompatibly.</summary>
    public const string Format = "liaison-policy/1";

    private static readonly string[] TopLevelKeys =
    [
        "format", "version", "description", "purposes", "offences", "data-categories", "jurisdiction-groups",
        "instruments", "roles", "need-to-know", "attachment-properties", "rules", "retention",
    ];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex PropertyPattern();

    public static CompiledPolicy Compile(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        var reader = new PolicyReader(fileName);
        var root = Parse(text, fileName);
        var top = reader.Section(root, "", TopLevelKeys);
        if (top is null)
        {
            throw new PolicyFileException(reader.Errors.Count > 0 ? reader.Errors : [new PolicyError(fileName, 1, 1, "(document)", "is not a mapping")]);
        }
        if (top.String("format", required: true) is { } format && !string.Equals(format, Format, StringComparison.Ordinal))
        {
            reader.Error(top.Get("format")!, "format", $"must be '{Format}'");
        }
        var version = top.String("version", required: true) ?? "?";
        var purposes = ReadPurposes(reader, top);
        var offences = ReadOffences(reader, top);
        var categories = ReadCategories(reader, top);
        var groups = ReadGroups(reader, top);
        var instruments = ReadInstruments(reader, top);
        var permissions = ReadRoles(reader, top);
        var needToKnow = ReadNeedToKnow(reader, top);
        var attachments = ReadAttachmentProperties(reader, top);
        var known = new Known(purposes, offences, categories.Select(c => c.Id).ToFrozenSet(StringComparer.Ordinal), groups, instruments);
        var rules = ReadRules(reader, top, known, attachments);
        var retention = ReadRetention(reader, top);
        if (reader.Errors.Count > 0)
        {
            throw new PolicyFileException(reader.Errors);
        }
        return new CompiledPolicy(version, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))))
        {
            Purposes = purposes,
            Offences = offences,
            DataCategories = categories,
            Instruments = instruments,
            Jurisdictions = groups,
            Permissions = permissions,
            NeedToKnow = needToKnow,
            Rules = rules,
            AttachmentProperties = attachments,
            Retention = retention,
        };
    }

    private static YamlNode? Parse(string text, string fileName)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new PolicyFileException([new PolicyError(fileName, 1, 1, "(document)", "the policy file is empty")]);
        }
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var reason = (e.InnerException?.Message ?? e.Message).Trim();
            throw new PolicyFileException([new PolicyError(fileName, e.Start.Line, e.Start.Column, "(syntax)", reason)]);
        }
        if (stream.Documents.Count != 1)
        {
            throw new PolicyFileException([new PolicyError(fileName, 1, 1, "(document)", "must hold exactly one YAML document")]);
        }
        return stream.Documents[0].RootNode;
    }

    /// <summary>Reads a list of items that each have a unique id, in file order.</summary>
    private static List<(Section Item, string Id)> IdentifiedItems(PolicyReader reader, Section top, string key, bool required, params string[] keys)
    {
        var list = new List<(Section, string)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var node = required ? top.Required(key) : top.Get(key);
        foreach (var (itemNode, field) in reader.Items(node, key))
        {
            if (reader.Section(itemNode, field, keys) is not { } item || item.String("id", required: true) is not { } id)
            {
                continue;
            }
            if (!IdPattern().IsMatch(id))
            {
                reader.Error(item.Get("id")!, item.FieldOf("id"), "ids are 1 to 64 lower-case letters, digits and '-'");
            }
            else if (!seen.Add(id))
            {
                reader.Error(item.Get("id")!, item.FieldOf("id"), $"'{id}' is used twice in {key}");
            }
            else
            {
                list.Add((item, id));
            }
        }
        if (required && node is YamlSequenceNode { Children.Count: 0 })
        {
            reader.Error(node, key, "must list at least one entry");
        }
        return list;
    }

    private static FrozenDictionary<string, Purpose> ReadPurposes(PolicyReader reader, Section top) =>
        IdentifiedItems(reader, top, "purposes", required: true, "id", "description")
            .ToFrozenDictionary(p => p.Id, p => new Purpose(p.Id, p.Item.String("description", required: true) ?? ""), StringComparer.Ordinal);

    private static FrozenDictionary<string, Offence> ReadOffences(PolicyReader reader, Section top) =>
        IdentifiedItems(reader, top, "offences", required: false, "id", "serious", "description")
            .ToFrozenDictionary(o => o.Id, o => new Offence(o.Id, o.Item.Bool("serious"), o.Item.String("description", required: false) ?? ""), StringComparer.Ordinal);

    private static FrozenDictionary<string, LegalInstrument> ReadInstruments(PolicyReader reader, Section top) =>
        IdentifiedItems(reader, top, "instruments", required: true, "id", "name", "reference", "serious-crime-only", "in-force")
            .ToFrozenDictionary(
                i => i.Id,
                i => new LegalInstrument(i.Id, i.Item.String("name", required: true) ?? "", i.Item.String("reference", required: false), i.Item.Bool("serious-crime-only"), i.Item.Get("in-force") is null || i.Item.Bool("in-force")),
                StringComparer.Ordinal);

    private static List<DataCategory> ReadCategories(PolicyReader reader, Section top)
    {
        var categories = new List<DataCategory>();
        foreach (var (item, id) in IdentifiedItems(reader, top, "data-categories", required: true, "id", "description", "schemata", "properties", "subjects"))
        {
            var schemata = item.Strings("schemata", required: false);
            foreach (var (node, field, schema) in schemata)
            {
                if (!Schemata.TryGet(schema, out _))
                {
                    reader.Error(node, field, $"unknown schema '{schema}'");
                }
            }
            var properties = item.Strings("properties", required: false);
            foreach (var (node, field, property) in properties)
            {
                if (!Schemata.List.Any(s => s.Models(property)))
                {
                    reader.Error(node, field, $"no schema has a property '{property}'");
                }
            }
            var subjects = ReadSubjects(reader, item, "subjects");
            if (schemata.Count == 0 && properties.Count == 0 && subjects == SubjectCategories.None)
            {
                reader.Error(item.Node, item.Field, "a data category needs schemata, properties or subjects, or no record would fall in it");
            }
            categories.Add(new DataCategory(id, item.String("description", required: false) ?? "", schemata.Select(s => s.Value), properties.Select(p => p.Value), subjects));
        }
        return categories;
    }

    private static JurisdictionGroups ReadGroups(PolicyReader reader, Section top)
    {
        var groups = new Dictionary<string, IReadOnlyCollection<string>>(StringComparer.Ordinal);
        foreach (var (name, keyNode, value) in reader.Entries(top.Get("jurisdiction-groups"), "jurisdiction-groups"))
        {
            var field = PolicyReader.Path("jurisdiction-groups", name);
            if (name.Length == 0 || !name.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                reader.Error(keyNode, field, "group names are upper-case letters, digits and '-' (\"EU\", \"FIVE-EYES\")");
                continue;
            }
            var members = reader.Strings(value, field);
            foreach (var (node, memberField, code) in members)
            {
                if (!JurisdictionGroups.IsCountryCode(code))
                {
                    reader.Error(node, memberField, $"'{code}' is not an ISO 3166 alpha-2 country code");
                }
            }
            groups[name] = members.Select(m => m.Value).ToArray();
        }
        return new JurisdictionGroups(groups);
    }

    private static List<string> ReadAttachmentProperties(PolicyReader reader, Section top)
    {
        var list = new List<string>();
        foreach (var (node, field, property) in top.Strings("attachment-properties", required: false))
        {
            if (PropertyPattern().IsMatch(property))
            {
                list.Add(property);
            }
            else
            {
                reader.Error(node, field, $"'{property}' is not a property name");
            }
        }
        return list;
    }

    private static SubjectCategories ReadSubjects(PolicyReader reader, Section item, string key)
    {
        var subjects = SubjectCategories.None;
        foreach (var (node, field, name) in item.Strings(key, required: false))
        {
            if (PolicyNames.TryParseSubject(name, out var subject))
            {
                subjects |= subject;
            }
            else
            {
                reader.Error(node, field, $"unknown subject '{name}' (one of {string.Join(", ", PolicyNames.AllSubjects)})");
            }
        }
        return subjects;
    }

    /// <summary>The ids rules may refer to.</summary>
    private sealed record Known(
        FrozenDictionary<string, Purpose> Purposes,
        FrozenDictionary<string, Offence> Offences,
        FrozenSet<string> Categories,
        JurisdictionGroups Groups,
        FrozenDictionary<string, LegalInstrument> Instruments);
}
