using Liaison.Core.Identifiers;
using Liaison.Core.Model;

namespace Liaison.Core.Policy.Release;

/// <summary>
/// What pseudonymising a protected subject's record means, property by property: identifiers become
/// keyed pseudonyms of their normalised form (so "+44 7700 900123" and "07700900123" give one
/// pseudonym), links to other entities and countries stay so the network remains analysable, and
/// everything else that could identify (free text, dates of a person, addresses, URLs) is removed.
/// </summary>
internal static class SubjectPseudonyms
{
    public static Dictionary<string, List<string>> Apply(string schemaName, Dictionary<string, List<string>> properties, string recipientScope, PseudonymKey key)
    {
        Schemata.TryGet(schemaName, out var schema);
        var isThing = schema is null || schema.Kind == SchemaKind.Thing;
        var result = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (property, values) in properties)
        {
            var type = schema?.TypeOf(property) ?? PropertyType.Text;
            switch (type)
            {
                case PropertyType.Entity or PropertyType.Country:
                    result[property] = values;
                    break;
                // When and how long a call or payment happened does not identify the victim; the person's birth date does.
                case PropertyType.Date or PropertyType.Number when !isThing:
                    result[property] = values;
                    break;
                case PropertyType.Name or PropertyType.Phone or PropertyType.Email or PropertyType.Iban
                    or PropertyType.DocumentNumber or PropertyType.Wallet or PropertyType.Plate:
                    result[property] = values.Select(v => key.Pseudonym(recipientScope, NameKey(type, v))).Distinct(StringComparer.Ordinal).ToList();
                    break;
                default:
                    break;
            }
        }
        return result;
    }

    /// <summary>The normalised form a pseudonym is computed from, prefixed by kind so a name never collides with a number.</summary>
    internal static string NameKey(PropertyType type, string value) => type switch
    {
        PropertyType.Name => "name:" + PersonNames.OrderInsensitiveKey(value),
        PropertyType.Email => "email:" + (EmailAddresses.TryCanonicalize(value, out _) ?? value.Trim().ToLowerInvariant()),
        PropertyType.Phone => "phone:" + Digits(value),
        PropertyType.Iban => "iban:" + (Iban.TryNormalize(value, out _) ?? Alphanumeric(value)),
        PropertyType.DocumentNumber => "document:" + (DocumentNumbers.TryNormalize(value, out _) ?? Alphanumeric(value)),
        PropertyType.Wallet => "wallet:" + (CryptoWallets.TryNormalize(value, out _) ?? value.Trim()),
        PropertyType.Plate => "plate:" + Alphanumeric(value),
        _ => "text:" + value,
    };

    /// <summary>
    /// Phones by their last nine digits: without the node's region we cannot tell "07700 900123" from
    /// "+44 7700 900123" otherwise, and nine digits keep unrelated numbers apart in practice.
    /// </summary>
    private static string Digits(string value)
    {
        var digits = new string(value.Where(char.IsAsciiDigit).ToArray());
        return digits.Length <= 9 ? digits : digits[^9..];
    }

    private static string Alphanumeric(string value) => new string(value.Where(char.IsAsciiLetterOrDigit).ToArray()).ToUpperInvariant();
}
