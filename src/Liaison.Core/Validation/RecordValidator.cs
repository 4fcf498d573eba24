using System.Globalization;
using Liaison.Core.Identifiers;
using Liaison.Core.Markings;
using Liaison.Core.Model;

namespace Liaison.Core.Validation;

/// <summary>
/// Checks a record against its schema and derives its normalised identifiers. One implementation,
/// used by every importer, the API and the exchange, so that a phone is the same E.164 everywhere.
/// </summary>
public sealed class RecordValidator(PhoneNumberNormalizer phones, TimeProvider clock)
{
    public const int MaxIdLength = 200;
    public const int MaxValueLength = 65_536;
    public const int MaxValuesPerProperty = 1_000;

    private static readonly HashSet<string> MustNotBeFuture = new(StringComparer.Ordinal) { "birthDate", "deathDate", "incorporationDate", "buildDate" };

    public PhoneNumberNormalizer Phones => phones;

    /// <summary>Validates and returns the identifiers; throws <see cref="InvalidRecordException"/> on the first problem.</summary>
    public IReadOnlyList<Identifier> Validate(EntityRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var id = record.Id;
        if (id.Length > MaxIdLength || id.Any(char.IsControl) || id.Any(char.IsWhiteSpace))
        {
            throw new InvalidRecordException(Truncate(id), "id", $"must be 1 to {MaxIdLength} printable characters without spaces");
        }
        if (!Schemata.TryGet(record.Schema, out var schema))
        {
            throw new InvalidRecordException(id, "schema", $"unknown schema '{Truncate(record.Schema)}'");
        }
        ValidateEnvelope(id, record.Envelope);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var identifiers = new List<Identifier>();
        foreach (var (property, values) in record.Properties)
        {
            if (property.Length is 0 or > 64 || !property.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                throw new InvalidRecordException(id, Truncate(property), "property names are 1 to 64 ASCII letters, digits or '_'");
            }
            if (values.Count > MaxValuesPerProperty)
            {
                throw new InvalidRecordException(id, property, $"has {values.Count} values; at most {MaxValuesPerProperty} are allowed");
            }
            var type = schema.TypeOf(property);
            foreach (var value in values)
            {
                if (value is null || value.Length > MaxValueLength)
                {
                    throw new InvalidRecordException(id, property, $"values must be present and at most {MaxValueLength} characters");
                }
                if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
                {
                    throw new InvalidRecordException(id, property, "contains control characters");
                }
                var identifier = CheckValue(id, property, type, value, today);
                if (identifier is { } ident)
                {
                    identifiers.Add(ident);
                }
            }
        }
        if (schema.SourceProperty is { } source && record.Values(source).Count == 0)
        {
            throw new InvalidRecordException(id, source, $"a {schema.Name} needs '{source}' (the entity it starts from)");
        }
        if (schema.TargetProperty is { } target && record.Values(target).Count == 0)
        {
            throw new InvalidRecordException(id, target, $"a {schema.Name} needs '{target}' (the entity it points to)");
        }
        return identifiers;
    }

    private Identifier? CheckValue(string id, string property, PropertyType type, string value, DateOnly today)
    {
        string? reason = null;
        switch (type)
        {
            case PropertyType.Name:
                var key = PersonNames.SearchKey(value);
                return key.Length == 0 ? null : new Identifier(IdentifierKind.Name, key, property);
            case PropertyType.Date:
                if (!PartialDate.TryParse(value, out var date))
                {
                    throw new InvalidRecordException(id, property, "is not a date (expected YYYY, YYYY-MM or YYYY-MM-DD)");
                }
                if (MustNotBeFuture.Contains(property) && date.EarliestDay > today)
                {
                    throw new InvalidRecordException(id, property, "is in the future");
                }
                return property == "birthDate" ? new Identifier(IdentifierKind.BirthDate, date.ToString(), property) : null;
            case PropertyType.Phone:
                var e164 = phones.TryNormalize(value, out reason);
                return e164 is null ? throw new InvalidRecordException(id, property, reason!) : new Identifier(IdentifierKind.Phone, e164, property);
            case PropertyType.Email:
                var email = EmailAddresses.TryCanonicalize(value, out reason);
                return email is null ? throw new InvalidRecordException(id, property, reason!) : new Identifier(IdentifierKind.Email, email, property);
            case PropertyType.Iban:
                var iban = Iban.TryNormalize(value, out reason);
                return iban is null ? throw new InvalidRecordException(id, property, reason!) : new Identifier(IdentifierKind.Iban, iban, property);
            case PropertyType.DocumentNumber:
                var doc = DocumentNumbers.TryNormalize(value, out reason);
                return doc is null ? throw new InvalidRecordException(id, property, reason!) : new Identifier(IdentifierKind.DocumentNumber, doc, property);
            case PropertyType.Wallet:
                var wallet = CryptoWallets.TryNormalize(value, out reason);
                return wallet is null ? throw new InvalidRecordException(id, property, reason!) : new Identifier(IdentifierKind.Wallet, wallet, property);
            case PropertyType.Plate:
                var plate = DocumentNumbers.TryNormalize(value, out reason);
                return plate is null ? throw new InvalidRecordException(id, property, "is not a registration plate") : new Identifier(IdentifierKind.Plate, plate, property);
            case PropertyType.Country:
                if (value.Length is < 2 or > 3 || !value.All(char.IsAsciiLetter))
                {
                    throw new InvalidRecordException(id, property, "is not an ISO 3166 country code");
                }
                return null;
            case PropertyType.Number:
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || !double.IsFinite(n))
                {
                    throw new InvalidRecordException(id, property, "is not a number");
                }
                return null;
            case PropertyType.Url:
                if (!Uri.TryCreate(value, UriKind.Absolute, out _))
                {
                    throw new InvalidRecordException(id, property, "is not an absolute URL");
                }
                return null;
            case PropertyType.Entity:
                if (string.IsNullOrWhiteSpace(value) || value.Length > MaxIdLength)
                {
                    throw new InvalidRecordException(id, property, "is not an entity id");
                }
                return null;
            default:
                return null;
        }
    }

    private static void ValidateEnvelope(string id, RecordEnvelope e)
    {
        if (string.IsNullOrWhiteSpace(e.CaseId))
        {
            throw new InvalidRecordException(id, "case", "every record belongs to a case");
        }
        if (string.IsNullOrWhiteSpace(e.LegalBasis))
        {
            throw new InvalidRecordException(id, "legalBasis", "the legal basis of collection is required");
        }
        if (string.IsNullOrWhiteSpace(e.OriginAgency) || string.IsNullOrWhiteSpace(e.OriginNode))
        {
            throw new InvalidRecordException(id, "origin", "originating agency and node are required");
        }
        if (e.Handling.Codes.HasFlag(HandlingCodes.H3) && string.IsNullOrWhiteSpace(e.Handling.Restriction))
        {
            throw new InvalidRecordException(id, "handling", "H3 needs the restriction written out");
        }
        if (!Enum.IsDefined(e.Tlp))
        {
            throw new InvalidRecordException(id, "tlp", "is not a TLP 2.0 marking");
        }
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
