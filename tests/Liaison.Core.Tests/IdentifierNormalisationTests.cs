using Liaison.Core.Identifiers;

namespace Liaison.Core.Tests;

public class IdentifierNormalisationTests
{
    private readonly PhoneNumberNormalizer _gb = new("GB");

    [Theory]
    [InlineData("07911 123456", "+447911123456")]
    [InlineData("+44 7911 123456", "+447911123456")]
    [InlineData("0044 7911 123456", "+447911123456")]
    [InlineData("+1 (202) 555-0143", "+12025550143")]
    [InlineData("+49 30 901820", "+4930901820")]
    public void Phones_become_E164_with_the_node_region_as_default(string raw, string expected) =>
        Assert.Equal(expected, _gb.TryNormalize(raw, out _));

    [Theory]
    [InlineData("12")]
    [InlineData("not a phone")]
    [InlineData("+44 1234")]
    public void Invalid_phones_are_rejected_with_a_reason(string raw)
    {
        Assert.Null(_gb.TryNormalize(raw, out var reason));
        Assert.False(string.IsNullOrEmpty(reason));
    }

    [Fact]
    public void Unknown_default_region_is_refused() =>
        Assert.Throws<ArgumentException>(() => new PhoneNumberNormalizer("XX"));

    [Theory]
    [InlineData("John.Smith+ads@GoogleMail.com", "johnsmith@gmail.com")]
    [InlineData(" Ana@Example.ORG ", "ana@example.org")]
    [InlineData("mailto:x.y@example.com", "x.y@example.com")]
    [InlineData("user@bücher.de", "user@xn--bcher-kva.de")]
    public void Emails_are_canonical(string raw, string expected) =>
        Assert.Equal(expected, EmailAddresses.TryCanonicalize(raw, out _));

    [Theory]
    [InlineData("no-at-sign")]
    [InlineData("a@b")]
    [InlineData("a b@example.com")]
    public void Invalid_emails_are_rejected(string raw) => Assert.Null(EmailAddresses.TryCanonicalize(raw, out _));

    [Theory]
    [InlineData("José Müller", "jose muller")]
    [InlineData("Ştefan Ţepeş", "stefan tepes")]
    [InlineData("Nguyễn Văn Đức", "nguyen van duc")]
    [InlineData("Işıl Yılmaz", "isil yilmaz")]
    [InlineData("Александр Пушкин", "aleksandr pushkin")]
    [InlineData("Γιώργος Παπαδόπουλος", "giorgos papadopoulos")]
    [InlineData("O'Neill-Smith", "o neill smith")]
    [InlineData("Straße", "strasse")]
    [InlineData("ＡＢＣ", "abc")]
    public void Name_search_keys_drop_diacritics_and_transliterate(string raw, string expected) =>
        Assert.Equal(expected, PersonNames.SearchKey(raw));

    [Fact]
    public void Order_insensitive_key_matches_surname_first() =>
        Assert.Equal(PersonNames.OrderInsensitiveKey("PETROV Ivan"), PersonNames.OrderInsensitiveKey("Ivan Petrov"));

    [Fact]
    public void Folded_name_keeps_diacritics_but_folds_case_and_width() =>
        Assert.Equal("josé müller", PersonNames.Folded("  JOSÉ   Müller "));

    [Theory]
    [InlineData("GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432")]
    [InlineData("de89 3704 0044 0532 0130 00", "DE89370400440532013000")]
    public void Ibans_are_checked_and_compacted(string raw, string expected) =>
        Assert.Equal(expected, Iban.TryNormalize(raw, out _));

    [Theory]
    [InlineData("GB83 WEST 1234 5698 7654 32")]
    [InlineData("GB82 WEST 1234 5698 7654")]
    [InlineData("1234")]
    public void Bad_ibans_are_rejected(string raw) => Assert.Null(Iban.TryNormalize(raw, out _));

    [Theory]
    [InlineData("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "btc:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa")]
    [InlineData("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "btc:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")]
    [InlineData("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", "btc:bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0")]
    [InlineData("0x52908400098527886E0F7030069857D2E4169EE7", "eth:0x52908400098527886e0f7030069857d2e4169ee7")]
    public void Wallets_are_checked_and_canonical(string raw, string expected) =>
        Assert.Equal(expected, CryptoWallets.TryNormalize(raw, out _));

    [Theory]
    [InlineData("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb")]
    [InlineData("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5")]
    [InlineData("0x123")]
    public void Bad_wallets_are_rejected(string raw) => Assert.Null(CryptoWallets.TryNormalize(raw, out _));

    [Theory]
    [InlineData("1984", "1984", DatePrecision.Year)]
    [InlineData("1984-07", "1984-07", DatePrecision.Month)]
    [InlineData("1984-07-21", "1984-07-21", DatePrecision.Day)]
    [InlineData("19840721", "1984-07-21", DatePrecision.Day)]
    [InlineData("1984-07-21T10:00:00Z", "1984-07-21", DatePrecision.Day)]
    public void Partial_dates_keep_their_precision(string raw, string expected, DatePrecision precision)
    {
        Assert.True(PartialDate.TryParse(raw, out var date));
        Assert.Equal(expected, date.ToString());
        Assert.Equal(precision, date.Precision);
    }

    [Theory]
    [InlineData("1984-13")]
    [InlineData("1984-02-30")]
    [InlineData("84")]
    [InlineData("July 1984")]
    public void Impossible_dates_are_rejected(string raw) => Assert.False(PartialDate.TryParse(raw, out _));

    [Theory]
    [InlineData("P-123 456.7", "P1234567")]
    [InlineData("ab12cd", "AB12CD")]
    public void Document_numbers_are_compacted(string raw, string expected) =>
        Assert.Equal(expected, DocumentNumbers.TryNormalize(raw, out _));
}
