namespace Liaison.Core.Model;

/// <summary>Whether a schema is a thing (node of the case graph) or a link/event between things.</summary>
public enum SchemaKind
{
    Thing,
    Link,
    Event,
}

/// <summary>
/// An entity type with its typed properties, named as in FollowTheMoney where FtM has the type
/// (Person, Company, Passport …) so that Aleph data imports without renaming.
/// </summary>
public sealed class Schema
{
    internal Schema(string name, SchemaKind kind, string? extends, IReadOnlyDictionary<string, PropertyType> properties,
        string? source = null, string? target = null)
    {
        Name = name;
        Kind = kind;
        Extends = extends;
        Properties = properties;
        SourceProperty = source;
        TargetProperty = target;
    }

    public string Name { get; }
    public SchemaKind Kind { get; }

    /// <summary>The canonical schema this one specialises (Company → Organization), or null.</summary>
    public string? Extends { get; }

    public IReadOnlyDictionary<string, PropertyType> Properties { get; }

    /// <summary>For links and events: the property holding the entity at the link's start.</summary>
    public string? SourceProperty { get; }

    /// <summary>For links and events: the property holding the entity at the link's end.</summary>
    public string? TargetProperty { get; }

    /// <summary>The canonical type this schema is (itself, or the one it extends).</summary>
    public string Canonical => Extends ?? Name;

    public bool IsA(string schema) => string.Equals(Name, schema, StringComparison.Ordinal) || string.Equals(Extends, schema, StringComparison.Ordinal);

    /// <summary>The type of a property; properties we do not model are kept as text, never dropped.</summary>
    public PropertyType TypeOf(string property) => Properties.TryGetValue(property, out var t) ? t : PropertyType.Text;

    public bool Models(string property) => Properties.ContainsKey(property);
}
