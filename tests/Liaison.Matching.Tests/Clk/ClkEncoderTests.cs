using System.Numerics;
using Liaison.Matching.Clk;
using Liaison.Matching.Linkage;
using static Liaison.Matching.Tests.Clk.ClkFixtures;

namespace Liaison.Matching.Tests.Clk;

public sealed class ClkEncoderTests
{
    [Fact]
    public void Same_record_under_the_same_secret_encodes_identically()
    {
        using var first = new ClkEncoder(NameAndBirth(), Secret);
        using var second = new ClkEncoder(NameAndBirth(), Secret);

        var a = Encode(first, "1", "Maria", "Popescu", "19840721");
        var b = Encode(second, "2", "Maria", "Popescu", "19840721");

        Assert.Equal(a.Bits, b.Bits);
        Assert.Equal(a.BlockKeys, b.BlockKeys);
        Assert.Equal(16, a.Bits.Length);
    }

    [Fact]
    public void Different_secret_gives_unrelated_filters()
    {
        using var ours = new ClkEncoder(NameAndBirth(), Secret);
        using var theirs = new ClkEncoder(NameAndBirth(), "another secret, another project"u8);

        var a = Encode(ours, "1", "Maria", "Popescu", "19840721");
        var b = Encode(theirs, "1", "Maria", "Popescu", "19840721");

        Assert.True(Dice.Similarity(a.Bits, b.Bits) < 0.6);
        Assert.NotEqual(a.BlockKeys, b.BlockKeys);
    }

    [Theory]
    [InlineData("Maria", "Popescu", "María", "Popescu")]
    [InlineData("Ştefan", "Ionescu", "Stefan", "Ionescu")]
    [InlineData("Дмитрий", "Иванов", "Dmitrii", "Ivanov")]
    [InlineData("Nguyễn", "Văn An", "Nguyen", "Van An")]
    public void Transliterated_and_diacritic_free_spellings_encode_alike(string given1, string surname1, string given2, string surname2)
    {
        using var encoder = new ClkEncoder(NameAndBirth(), Secret);

        var a = Encode(encoder, "1", given1, surname1, "19840721");
        var b = Encode(encoder, "2", given2, surname2, "19840721");

        Assert.Equal(1.0, Dice.Similarity(a.Bits, b.Bits));
    }

    [Fact]
    public void Order_insensitive_name_field_ignores_given_and_family_swap()
    {
        // Trigrams: padded bigrams are already nearly order-blind, trigrams across the word gap are not.
        using var plain = new ClkEncoder(NameAndBirth(nameNgram: 3), Secret);
        using var insensitive = new ClkEncoder(NameAndBirth(orderInsensitive: true, nameNgram: 3), Secret);

        var plainScore = Dice.Similarity(Encode(plain, "1", "John", "Smith", "1970").Bits, Encode(plain, "2", "Smith", "John", "1970").Bits);
        var insensitiveScore = Dice.Similarity(Encode(insensitive, "1", "John", "Smith", "1970").Bits, Encode(insensitive, "2", "Smith", "John", "1970").Bits);

        Assert.Equal(1.0, insensitiveScore);
        Assert.True(plainScore < 1.0);
    }

    [Fact]
    public void A_typo_lowers_the_score_less_than_a_different_person()
    {
        using var encoder = new ClkEncoder(NameAndBirth(), Secret);
        var original = Encode(encoder, "1", "Michaela", "Neumann", "19151111");

        var typo = Dice.Similarity(original.Bits, Encode(encoder, "2", "Michaela", "Nuemann", "19151111").Bits);
        var other = Dice.Similarity(original.Bits, Encode(encoder, "3", "Courtney", "Painter", "19161214").Bits);

        Assert.InRange(typo, 0.8, 0.99);
        Assert.True(other < 0.6, $"other person scored {other}");
    }

    [Fact]
    public void Missing_field_sets_no_bits_and_no_block_key()
    {
        using var encoder = new ClkEncoder(NameAndBirth(), Secret);

        var record = Encode(encoder, "1", "", "", "");

        Assert.All(record.Bits, w => Assert.Equal(0UL, w));
        Assert.Empty(record.BlockKeys);
    }

    [Fact]
    public void Balanced_filter_has_exactly_half_its_bits_set()
    {
        using var encoder = new ClkEncoder(NameAndBirth(Hardening.Balance), Secret);

        var short_ = Encode(encoder, "1", "Al", "Li", "1990");
        var long_ = Encode(encoder, "2", "Maximilian", "Wolfeschlegelsteinhausen", "19900101");

        Assert.Equal(512, short_.Bits.Sum(w => BitOperations.PopCount(w)));
        Assert.Equal(512, long_.Bits.Sum(w => BitOperations.PopCount(w)));
    }

    [Fact]
    public void Xor_folded_filter_keeps_the_schema_length_and_still_ranks_a_typo_above_a_stranger()
    {
        using var encoder = new ClkEncoder(NameAndBirth(Hardening.XorFold), Secret);
        var original = Encode(encoder, "1", "Michaela", "Neumann", "19151111");

        var typo = Dice.Similarity(original.Bits, Encode(encoder, "2", "Michaela", "Nuemann", "19151111").Bits);
        var other = Dice.Similarity(original.Bits, Encode(encoder, "3", "Courtney", "Painter", "19161214").Bits);

        Assert.Equal(16, original.Bits.Length);
        Assert.True(typo > other + 0.2, $"typo {typo}, other {other}");
    }

    [Fact]
    public void Short_secret_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new ClkEncoder(NameAndBirth(), "short"u8));
    }
}
