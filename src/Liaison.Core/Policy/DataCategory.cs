using System.Collections.Frozen;
using Liaison.Core.Model;

namespace Liaison.Core.Policy;

/// <summary>
/// A category of personal data the rules speak of (identity, contact, financial, minors …). A record
/// falls in a category by its schema, by any property it has, or by the subjects it concerns; the
/// policy file says which.
/// </summary>
public sealed class DataCategory
{
    public DataCategory(string id, string description, IEnumerable<string> schemata, IEnumerable<string> properties, SubjectCategories subjects)
    {
        Id = id;
        Description = description;
        Schemata = schemata.ToFrozenSet(StringComparer.Ordinal);
        Properties = properties.ToFrozenSet(StringComparer.Ordinal);
        Subjects = subjects;
    }

    public string Id { get; }
    public string Description { get; }
    public FrozenSet<string> Schemata { get; }
    public FrozenSet<string> Properties { get; }
    public SubjectCategories Subjects { get; }

    public bool Covers(EntityRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if ((record.Envelope.Subjects & Subjects) != 0 || Schemata.Contains(record.Schema))
        {
            return true;
        }
        if (Model.Schemata.TryGet(record.Schema, out var schema) && Schemata.Contains(schema.Canonical))
        {
            return true;
        }
        foreach (var (property, values) in record.Properties)
        {
            if (values.Count > 0 && Properties.Contains(property))
            {
                return true;
            }
        }
        return false;
    }
}
