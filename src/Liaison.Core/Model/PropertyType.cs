namespace Liaison.Core.Model;

/// <summary>What a property's values are; decides how they are validated and which identifiers they yield.</summary>
public enum PropertyType
{
    Text,
    Name,
    Date,
    Phone,
    Email,
    Iban,
    DocumentNumber,
    Wallet,
    Plate,
    Country,
    Number,
    Url,
    /// <summary>The id of another entity: links and events point at things with these.</summary>
    Entity,
}
