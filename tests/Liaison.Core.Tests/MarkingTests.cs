using Liaison.Core.Markings;

namespace Liaison.Core.Tests;

public class MarkingTests
{
    [Theory]
    [InlineData("TLP:AMBER+STRICT", Tlp.AmberStrict)]
    [InlineData("amber", Tlp.Amber)]
    [InlineData("WHITE", Tlp.Clear)]
    [InlineData("tlp:red", Tlp.Red)]
    public void Tlp_labels_parse(string text, Tlp expected)
    {
        Assert.True(TlpExtensions.TryParse(text, out var tlp));
        Assert.Equal(expected, tlp);
        Assert.True(TlpExtensions.TryParse(tlp.ToLabel(), out var again));
        Assert.Equal(tlp, again);
    }

    [Fact]
    public void Narrowing_keeps_the_stricter_tlp_and_every_handling_code()
    {
        Assert.Equal(Tlp.Red, TlpExtensions.Narrowest(Tlp.Red, Tlp.Green));
        var h = new Handling(HandlingCodes.H0).Narrow(new Handling(HandlingCodes.H3, "no onward sharing"));
        Assert.Equal(HandlingCodes.H0 | HandlingCodes.H3, h.Codes);
        Assert.Equal("no onward sharing", h.Restriction);
        Assert.Equal("H0,H3", h.ToString());
    }

    [Theory]
    [InlineData("B2", SourceReliability.B, InformationCredibility.KnownToSource)]
    [InlineData("x4", SourceReliability.X, InformationCredibility.CannotBeJudged)]
    public void Europol_4x4_grades_parse(string text, SourceReliability s, InformationCredibility i)
    {
        Assert.True(Grading.TryParse(text, out var g));
        Assert.Equal(new Grading(s, i), g);
    }

    [Theory]
    [InlineData("E2")]
    [InlineData("A5")]
    [InlineData("B")]
    public void Impossible_grades_are_refused(string text) => Assert.False(Grading.TryParse(text, out _));
}
