namespace Liaison.Core.Model;

/// <summary>The kinds of normalised identifiers used for search, correlation and hit/no-hit.</summary>
public enum IdentifierKind
{
    Phone,
    Email,
    Name,
    DocumentNumber,
    Iban,
    Wallet,
    Plate,
    BirthDate,
}

/// <summary>A normalised identifier derived from a record property (E.164 phone, canonical e-mail, name search key …).</summary>
public readonly record struct Identifier(IdentifierKind Kind, string Value, string Property);
