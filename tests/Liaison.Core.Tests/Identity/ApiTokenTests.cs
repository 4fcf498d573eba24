using Liaison.Core.Identity;

namespace Liaison.Core.Tests.Identity;

public class ApiTokenTests
{
    [Fact]
    public void An_issued_token_carries_32_random_bytes_and_is_stored_only_as_its_SHA256()
    {
        var issued = ApiTokens.Issue();

        Assert.StartsWith("lsn_", issued.Token, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(issued.Token[4..].Replace('-', '+').Replace('_', '/') + "=").Length);
        Assert.Equal(64, issued.Hash.Length);
        Assert.DoesNotContain(issued.Token[4..], issued.Hash, StringComparison.Ordinal);
        Assert.DoesNotContain(issued.Token, issued.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_stored_hash_is_the_SHA256_of_the_token_text()
    {
        // FIPS 180-2 appendix B.1: SHA-256("abc").
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", ApiTokens.HashOf("abc"));
    }

    [Fact]
    public void The_presented_token_matches_its_stored_hash_and_no_other()
    {
        var a = ApiTokens.Issue();
        var b = ApiTokens.Issue();

        Assert.True(ApiTokens.Matches(a.Token, a.Hash));
        Assert.True(ApiTokens.Matches(a.Token, a.Hash.ToUpperInvariant()));
        Assert.False(ApiTokens.Matches(b.Token, a.Hash));
        Assert.False(ApiTokens.Matches(a.Hash, a.Hash));
    }

    [Fact]
    public void Tokens_are_unique()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => ApiTokens.Issue().Token).ToHashSet();

        Assert.Equal(1000, tokens.Count);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("lsn_short", false)]
    [InlineData("Bearer lsn_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", false)]
    [InlineData("lsn_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA+AA", false)]
    [InlineData("lsn_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA-_A", true)]
    public void Only_well_formed_tokens_reach_a_lookup(string? text, bool expected)
    {
        Assert.Equal(expected, ApiTokens.LooksLikeToken(text));
    }

    [Fact]
    public void Fixed_time_comparison_tells_equal_from_different_secrets()
    {
        Assert.True(FixedTime.EqualsText("same secret", "same secret"));
        Assert.False(FixedTime.EqualsText("same secret", "same secreT"));
        Assert.False(FixedTime.EqualsText("short", "a much longer secret"));
        Assert.True(FixedTime.Equals([1, 2, 3], [1, 2, 3]));
        Assert.False(FixedTime.Equals([1, 2, 3], [1, 2, 4]));
    }
}
