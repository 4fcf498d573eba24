using Liaison.Core.Model;

namespace Liaison.Core.Policy.Release;

/// <summary>
/// Produces the outbound copy of a record under a decision's obligations: redacted, attachments
/// stripped, protected subjects pseudonymised per recipient, markings narrowed. The original record is
/// never changed. This is the only way a record should leave the node.
/// </summary>
public static class RecordRelease
{
    public static EntityRecord Apply(EntityRecord record, IEnumerable<Obligation> obligations, Recipient recipient, PseudonymKey key)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(obligations);
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(key);
        var list = obligations.ToList();
        var properties = record.Properties.ToDictionary(p => p.Key, p => new List<string>(p.Value), StringComparer.Ordinal);
        foreach (var obligation in list)
        {
            switch (obligation)
            {
                case RedactProperties redact:
                    Remove(properties, redact.Properties);
                    break;
                case StripAttachments strip:
                    Remove(properties, strip.Properties);
                    break;
            }
        }
        var pseudonymise = list.OfType<PseudonymiseSubjects>().Aggregate(SubjectCategories.None, (all, p) => all | p.Subjects);
        if ((record.Envelope.Subjects & pseudonymise) != 0)
        {
            properties = SubjectPseudonyms.Apply(record.Schema, properties, recipient.PseudonymScope, key);
        }
        var envelope = MarkingPropagation.OnShare(record.Envelope, list);
        return new EntityRecord(record.Id, record.Schema, properties, envelope);
    }

    private static void Remove(Dictionary<string, List<string>> properties, IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            properties.Remove(name);
        }
    }
}
