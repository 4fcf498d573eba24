using Liaison.Core.Identifiers;
using Liaison.Core.Model;
using Liaison.Core.Validation;

namespace Liaison.Storage.CaseMessaging;

/// <summary>
/// The identifiers of a received copy for the search index, read exactly as the node reads its own
/// imports (<see cref="RecordValidator"/>: phones in any format to E.164, e-mails canonical, names
/// folded), so that the identifier search finds copies like own records. A national-format phone is
/// read in the originator's region (<see cref="PhoneRegionOf"/>), which is where it was written.
/// A property the receiver cannot read as identifiers — a pseudonym where a phone was — is left out
/// of the index rather than refusing the copy: the originator validated the record, and the copy must
/// be stored whatever this node's reading of it.
/// </summary>
public sealed class ReceivedCopyIdentifiers(Func<string, string> phoneRegionOf, TimeProvider clock)
{
    /// <summary>The region (ISO 3166 alpha-2) for national-format phones of records originated by a node.</summary>
    public string PhoneRegionOf(string originNode) => phoneRegionOf(originNode);

    public IReadOnlyList<Identifier> Of(EntityRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var validator = new RecordValidator(new PhoneNumberNormalizer(PhoneRegionOf(record.Envelope.OriginNode)), clock);
        var properties = record.Properties.ToDictionary(p => p.Key, p => p.Value.ToList(), StringComparer.Ordinal);
        // Each failure names one property; dropping it and trying again ends after at most one pass per property.
        for (var attempt = 0; attempt <= record.Properties.Count; attempt++)
        {
            try
            {
                return validator.Validate(new EntityRecord(record.Id, record.Schema, properties, record.Envelope));
            }
            catch (InvalidRecordException e) when (properties.Remove(e.Field))
            {
            }
            catch (InvalidRecordException)
            {
                return []; // Not a property (the envelope, the schema): nothing of it can be indexed.
            }
        }
        return [];
    }
}
