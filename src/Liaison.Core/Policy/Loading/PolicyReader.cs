using YamlDotNet.RepresentationModel;

namespace Liaison.Core.Policy.Loading;

/// <summary>
/// Reads a YAML (or JSON, which YAML 1.2 parses) document strictly: every error is collected with the
/// file, line, column and field path; unknown and duplicate keys are errors, so a typo cannot silently
/// turn a restriction off.
/// </summary>
internal sealed class PolicyReader(string file)
{
    public List<PolicyError> Errors { get; } = [];

    public void Error(YamlNode node, string field, string reason) =>
        Errors.Add(new PolicyError(file, node.Start.Line, node.Start.Column, field, reason));

    public string Where(YamlNode node) => $"{file}:{node.Start.Line}";

    /// <summary>A mapping with a fixed set of keys; reports the others.</summary>
    public Section? Section(YamlNode? node, string field, params string[] allowed)
    {
        if (node is null)
        {
            return null;
        }
        if (node is not YamlMappingNode map)
        {
            Error(node, field, "must be a mapping of keys to values");
            return null;
        }
        var entries = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                Error(keyNode, Path(field, key), $"unknown key '{key}' (allowed: {string.Join(", ", allowed)})");
            }
            else if (!entries.TryAdd(key, value))
            {
                Error(keyNode, Path(field, key), "is given twice");
            }
        }
        return new Section(this, map, field, entries);
    }

    /// <summary>A mapping whose keys are data (role names, group names); each entry with its key node.</summary>
    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries(YamlNode? node, string field)
    {
        if (node is null)
        {
            yield break;
        }
        if (node is not YamlMappingNode map)
        {
            Error(node, field, "must be a mapping");
            yield break;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            if (!seen.Add(key))
            {
                Error(keyNode, Path(field, key), "is given twice");
                continue;
            }
            yield return (key, keyNode, value);
        }
    }

    /// <summary>The items of a sequence, each with its field path ("rules[3]").</summary>
    public IEnumerable<(YamlNode Node, string Field)> Items(YamlNode? node, string field)
    {
        if (node is null)
        {
            yield break;
        }
        if (node is not YamlSequenceNode sequence)
        {
            Error(node, field, "must be a list");
            yield break;
        }
        var i = 0;
        foreach (var item in sequence.Children)
        {
            yield return (item, $"{field}[{i++}]");
        }
    }

    /// <summary>A non-empty scalar, or null with an error.</summary>
    public string? Scalar(YamlNode node, string field)
    {
        if (node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }
        Error(node, field, node is YamlScalarNode ? "must not be empty" : "must be a single value");
        return null;
    }

    /// <summary>A list of scalars, each with its node (for errors about one item).</summary>
    public List<(YamlNode Node, string Field, string Value)> Strings(YamlNode? node, string field)
    {
        var list = new List<(YamlNode, string, string)>();
        foreach (var (item, itemField) in Items(node, field))
        {
            if (Scalar(item, itemField) is { } value)
            {
                list.Add((item, itemField, value));
            }
        }
        return list;
    }

    public static string Path(string parent, string key) => parent.Length == 0 ? key : $"{parent}.{key}";
}

/// <summary>The keys of one mapping in a policy file.</summary>
internal sealed class Section(PolicyReader reader, YamlMappingNode node, string path, Dictionary<string, YamlNode> entries)
{
    public YamlMappingNode Node => node;
    public string Field => path;

    public YamlNode? Get(string key) => entries.GetValueOrDefault(key);

    public string FieldOf(string key) => PolicyReader.Path(path, key);

    public YamlNode? Required(string key)
    {
        if (entries.TryGetValue(key, out var value))
        {
            return value;
        }
        reader.Error(node, FieldOf(key), "is required");
        return null;
    }

    public string? String(string key, bool required)
    {
        var value = required ? Required(key) : Get(key);
        return value is null ? null : reader.Scalar(value, FieldOf(key));
    }

    public bool Bool(string key)
    {
        if (Get(key) is not { } value)
        {
            return false;
        }
        switch (reader.Scalar(value, FieldOf(key)))
        {
            case "true": return true;
            case "false": return false;
            case null: return false;
            default:
                reader.Error(value, FieldOf(key), "must be true or false");
                return false;
        }
    }

    public List<(YamlNode Node, string Field, string Value)> Strings(string key, bool required)
    {
        var value = required ? Required(key) : Get(key);
        var list = reader.Strings(value, FieldOf(key));
        if (required && value is not null && list.Count == 0 && value is YamlSequenceNode)
        {
            reader.Error(value, FieldOf(key), "must list at least one value");
        }
        return list;
    }
}
