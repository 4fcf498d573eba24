using Liaison.Analysis.EntityResolution;

namespace Liaison.Analysis.Tests.EntityResolution;

public class JaroWinklerTests
{
    // Winkler's published examples (Winkler 1990; also in the Wikipedia article).
    [Theory]
    [InlineData("martha", "marhta", 0.961)]
    [InlineData("dwayne", "duane", 0.840)]
    [InlineData("dixon", "dicksonx", 0.813)]
    public void Published_examples_score_as_published(string a, string b, double expected) =>
        Assert.Equal(expected, JaroWinkler.Similarity(a, b), 3);

    [Fact]
    public void Identical_strings_score_one_and_disjoint_strings_zero()
    {
        Assert.Equal(1.0, JaroWinkler.Similarity("petrov", "petrov"));
        Assert.Equal(0.0, JaroWinkler.Similarity("abc", "xyz"));
        Assert.Equal(0.0, JaroWinkler.Similarity("", "xyz"));
    }

    [Fact]
    public void Similarity_is_symmetric() =>
        Assert.Equal(JaroWinkler.Similarity("john smith", "jon smyth"), JaroWinkler.Similarity("jon smyth", "john smith"), 12);
}
