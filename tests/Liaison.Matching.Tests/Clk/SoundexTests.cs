using Liaison.Matching.Clk;

namespace Liaison.Matching.Tests.Clk;

public sealed class SoundexTests
{
    [Theory]
    [InlineData("robert", "R163")]
    [InlineData("rupert", "R163")]
    [InlineData("ashcraft", "A261")]
    [InlineData("tymczak", "T522")]
    [InlineData("pfister", "P236")]
    [InlineData("lee", "L000")]
    public void Soundex_follows_the_american_rules(string name, string code)
    {
        Assert.Equal(code, Soundex.Of(name));
    }
}
