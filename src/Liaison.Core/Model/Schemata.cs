using static Liaison.Core.Model.PropertyType;

namespace Liaison.Core.Model;

/// <summary>The schemata Liaison models. Unknown schema names are an import error, not a silent drop.</summary>
public static class Schemata
{
    private static readonly Dictionary<string, PropertyType> Common = new(StringComparer.Ordinal)
    {
        ["name"] = Name, ["alias"] = Name, ["previousName"] = Name, ["weakAlias"] = Name,
        ["country"] = Country, ["notes"] = Text, ["description"] = Text, ["summary"] = Text,
        ["sourceUrl"] = Url, ["publisher"] = Text, ["modifiedAt"] = Date, ["retrievedAt"] = Date,
    };

    private static readonly Dictionary<string, PropertyType> PartyProps = new(Common, StringComparer.Ordinal)
    {
        ["email"] = Email, ["phone"] = Phone, ["address"] = Text, ["addressEntity"] = PropertyType.Entity,
        ["website"] = Url, ["idNumber"] = DocumentNumber, ["taxNumber"] = DocumentNumber,
        ["registrationNumber"] = DocumentNumber, ["jurisdiction"] = Country, ["mainCountry"] = Country,
        ["incorporationDate"] = Date, ["legalForm"] = Text, ["status"] = Text, ["sector"] = Text,
    };

    private static readonly Dictionary<string, PropertyType> PersonProps = new(PartyProps, StringComparer.Ordinal)
    {
        ["firstName"] = Name, ["lastName"] = Name, ["middleName"] = Name, ["fatherName"] = Name, ["motherName"] = Name,
        ["secondName"] = Name, ["birthDate"] = Date, ["deathDate"] = Date, ["birthPlace"] = Text, ["nationality"] = Country,
        ["gender"] = Text, ["passportNumber"] = DocumentNumber, ["position"] = Text, ["title"] = Text,
    };

    private static readonly IReadOnlyDictionary<string, Schema> All = Build();

    public static IReadOnlyCollection<Schema> List => (IReadOnlyCollection<Schema>)All.Values;

    public static bool TryGet(string? name, out Schema schema)
    {
        schema = null!;
        return name is not null && All.TryGetValue(name, out schema!);
    }

    public static Schema Get(string name) => All.TryGetValue(name, out var s) ? s : throw new KeyNotFoundException($"Unknown schema '{name}'.");

    private static Dictionary<string, PropertyType> With(IReadOnlyDictionary<string, PropertyType> basis, params (string Name, PropertyType Type)[] extra)
    {
        var d = new Dictionary<string, PropertyType>(basis, StringComparer.Ordinal);
        foreach (var (n, t) in extra)
        {
            d[n] = t;
        }
        return d;
    }

    private static Dictionary<string, Schema> Build()
    {
        var link = With(Common, ("date", Date), ("startDate", Date), ("endDate", Date), ("role", Text), ("status", Text));
        var list = new List<Schema>
        {
            // Things
            new("Person", SchemaKind.Thing, null, PersonProps),
            new("Organization", SchemaKind.Thing, null, PartyProps),
            new("LegalEntity", SchemaKind.Thing, "Organization", PartyProps),
            new("Company", SchemaKind.Thing, "Organization", PartyProps),
            new("Phone", SchemaKind.Thing, null, With(Common, ("number", Phone), ("provider", Text), ("imei", DocumentNumber), ("imsi", DocumentNumber))),
            new("Email", SchemaKind.Thing, null, With(Common, ("email", Email), ("provider", Text))),
            new("OnlineAccount", SchemaKind.Thing, null, With(Common, ("username", Text), ("service", Text), ("email", Email), ("phone", Phone), ("owner", PropertyType.Entity))),
            new("UserAccount", SchemaKind.Thing, "OnlineAccount", With(Common, ("username", Text), ("service", Text), ("email", Email), ("phone", Phone), ("owner", PropertyType.Entity), ("password", Text))),
            new("Advertisement", SchemaKind.Thing, null, With(Common, ("title", Text), ("bodyText", Text), ("phone", Phone), ("email", Email), ("city", Text), ("date", Date), ("price", Number), ("currency", Text), ("url", Url), ("imageHash", Text))),
            new("Address", SchemaKind.Thing, null, With(Common, ("full", Text), ("street", Text), ("city", Text), ("postalCode", Text), ("region", Text), ("latitude", Number), ("longitude", Number))),
            new("Location", SchemaKind.Thing, "Address", With(Common, ("full", Text), ("city", Text), ("latitude", Number), ("longitude", Number), ("cellId", Text))),
            new("Vehicle", SchemaKind.Thing, null, With(Common, ("registrationNumber", Plate), ("type", Text), ("model", Text), ("color", Text), ("buildDate", Date), ("owner", PropertyType.Entity))),
            new("BankAccount", SchemaKind.Thing, null, With(Common, ("iban", Iban), ("accountNumber", DocumentNumber), ("bankName", Text), ("bic", DocumentNumber), ("holder", PropertyType.Entity))),
            new("CryptoWallet", SchemaKind.Thing, null, With(Common, ("publicKey", Wallet), ("currency", Text), ("holder", PropertyType.Entity))),
            new("Identification", SchemaKind.Thing, "IdentityDocument", With(Common, ("number", DocumentNumber), ("type", Text), ("authority", Text), ("startDate", Date), ("endDate", Date), ("holder", PropertyType.Entity))),
            new("IdentityDocument", SchemaKind.Thing, null, With(Common, ("number", DocumentNumber), ("type", Text), ("authority", Text), ("startDate", Date), ("endDate", Date), ("holder", PropertyType.Entity))),
            new("Passport", SchemaKind.Thing, "IdentityDocument", With(Common, ("number", DocumentNumber), ("passportNumber", DocumentNumber), ("type", Text), ("authority", Text), ("startDate", Date), ("endDate", Date), ("holder", PropertyType.Entity))),
            new("Image", SchemaKind.Thing, null, With(Common, ("sha256", Text), ("perceptualHash", Text), ("fileName", Text), ("mimeType", Text))),
            // Links
            new("Ownership", SchemaKind.Link, null, With(link, ("owner", PropertyType.Entity), ("asset", PropertyType.Entity), ("percentage", Number)), "owner", "asset"),
            new("Use", SchemaKind.Link, null, With(link, ("user", PropertyType.Entity), ("thing", PropertyType.Entity)), "user", "thing"),
            new("Directorship", SchemaKind.Link, "Membership", With(link, ("director", PropertyType.Entity), ("organization", PropertyType.Entity)), "director", "organization"),
            new("Membership", SchemaKind.Link, null, With(link, ("member", PropertyType.Entity), ("organization", PropertyType.Entity)), "member", "organization"),
            new("Associate", SchemaKind.Link, "Association", With(link, ("person", PropertyType.Entity), ("associate", PropertyType.Entity), ("relationship", Text)), "person", "associate"),
            new("Association", SchemaKind.Link, null, With(link, ("subject", PropertyType.Entity), ("object", PropertyType.Entity), ("relationship", Text), ("weight", Number)), "subject", "object"),
            new("Family", SchemaKind.Link, "Association", With(link, ("person", PropertyType.Entity), ("relative", PropertyType.Entity), ("relationship", Text)), "person", "relative"),
            new("UnknownLink", SchemaKind.Link, "Association", With(link, ("subject", PropertyType.Entity), ("object", PropertyType.Entity), ("weight", Number)), "subject", "object"),
            new("Posting", SchemaKind.Link, null, With(link, ("account", PropertyType.Entity), ("advertisement", PropertyType.Entity)), "account", "advertisement"),
            // Events
            new("Call", SchemaKind.Event, null, With(link, ("caller", PropertyType.Entity), ("receiver", PropertyType.Entity), ("callerNumber", Phone), ("receiverNumber", Phone), ("duration", Number), ("cellId", Text), ("latitude", Number), ("longitude", Number)), "caller", "receiver"),
            new("Message", SchemaKind.Event, null, With(link, ("sender", PropertyType.Entity), ("recipients", PropertyType.Entity), ("bodyText", Text), ("subject", Text), ("senderAccount", Text)), "sender", "recipients"),
            new("Payment", SchemaKind.Event, null, With(link, ("payer", PropertyType.Entity), ("beneficiary", PropertyType.Entity), ("amount", Number), ("currency", Text), ("purpose", Text), ("payerAccount", PropertyType.Entity), ("beneficiaryAccount", PropertyType.Entity)), "payer", "beneficiary"),
            new("Travel", SchemaKind.Event, null, With(link, ("traveller", PropertyType.Entity), ("destination", PropertyType.Entity), ("origin", Text), ("destinationCity", Text), ("mode", Text)), "traveller", "destination"),
        };
        return list.ToDictionary(s => s.Name, StringComparer.Ordinal);
    }
}
