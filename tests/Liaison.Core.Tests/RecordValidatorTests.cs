using Liaison.Core.Identifiers;
using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Core.Validation;
using Microsoft.Extensions.Time.Testing;

namespace Liaison.Core.Tests;

public class RecordValidatorTests
{
    private readonly RecordValidator _validator = new(new PhoneNumberNormalizer("GB"), new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 0, 0, 0, TimeSpan.Zero)));

    private static EntityRecord Record(string schema, Dictionary<string, List<string>> props, Handling? handling = null, string legalBasis = "PACE 1984") =>
        new("r-1", schema, props, new RecordEnvelope
        {
            OriginAgency = "NCA", OriginNode = "gb-nca", CaseId = "C1", LegalBasis = legalBasis,
            Handling = handling ?? Handling.LawEnforcementOnly,
            Provenance = new Provenance("file:x", DateTimeOffset.UnixEpoch, "t"),
        });

    [Fact]
    public void A_valid_person_yields_normalised_identifiers()
    {
        var ids = _validator.Validate(Record("Person", new()
        {
            ["name"] = ["José Müller"], ["phone"] = ["07911 123456"], ["email"] = ["Jose.Muller+x@Example.com"], ["birthDate"] = ["1980-02"],
            ["passportNumber"] = ["p 123-456"],
        }));
        Assert.Contains(new Identifier(IdentifierKind.Name, "jose muller", "name"), ids);
        Assert.Contains(new Identifier(IdentifierKind.Phone, "+447911123456", "phone"), ids);
        Assert.Contains(new Identifier(IdentifierKind.Email, "jose.muller@example.com", "email"), ids);
        Assert.Contains(new Identifier(IdentifierKind.BirthDate, "1980-02", "birthDate"), ids);
        Assert.Contains(new Identifier(IdentifierKind.DocumentNumber, "P123456", "passportNumber"), ids);
    }

    [Theory]
    [InlineData("Person", "phone", "12", "phone number")]
    [InlineData("Person", "birthDate", "2027-01-01", "is in the future")]
    [InlineData("Person", "birthDate", "yesterday", "is not a date")]
    [InlineData("Person", "email", "nobody", "not an e-mail")]
    [InlineData("BankAccount", "iban", "GB00WEST12345698765432", "check digits")]
    [InlineData("CryptoWallet", "publicKey", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", "checksum")]
    [InlineData("Person", "nationality", "Atlantis", "country code")]
    [InlineData("Payment", "amount", "lots", "not a number")]
    public void A_bad_value_names_the_record_the_field_and_the_reason(string schema, string field, string value, string reason)
    {
        var props = new Dictionary<string, List<string>> { [field] = [value] };
        if (schema == "Payment")
        {
            props["payer"] = ["a"];
            props["beneficiary"] = ["b"];
        }
        var e = Assert.Throws<InvalidRecordException>(() => _validator.Validate(Record(schema, props)));
        Assert.Equal(("r-1", field), (e.RecordId, e.Field));
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(value, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_schema_is_refused() =>
        Assert.Equal("schema", Assert.Throws<InvalidRecordException>(() => _validator.Validate(Record("Spaceship", []))).Field);

    [Fact]
    public void A_link_needs_both_ends() =>
        Assert.Equal("object", Assert.Throws<InvalidRecordException>(() => _validator.Validate(Record("UnknownLink", new() { ["subject"] = ["a"] }))).Field);

    [Fact]
    public void H3_needs_its_restriction_written_out() =>
        Assert.Equal("handling", Assert.Throws<InvalidRecordException>(() => _validator.Validate(Record("Person", [], new Handling(HandlingCodes.H3)))).Field);

    [Fact]
    public void Missing_legal_basis_is_refused() =>
        Assert.Equal("legalBasis", Assert.Throws<InvalidRecordException>(() => _validator.Validate(Record("Person", [], legalBasis: " "))).Field);

    [Fact]
    public void Properties_we_do_not_model_are_kept_as_text() =>
        Assert.Empty(_validator.Validate(Record("Person", new() { ["favouriteColour"] = ["green"] })));
}
