using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Core.Policy;

namespace Liaison.Core.Tests.Policy;

public sealed class OnwardHandlingTests
{
    private static EntityRecord Record(HandlingCodes codes, string? restriction = null) =>
        new("gb-nca/r-1", "Person", new Dictionary<string, List<string>> { ["name"] = ["Ivan Petrov"] }, new RecordEnvelope
        {
            OriginAgency = "NCA", OriginNode = "gb-nca", CaseId = "gb-nca:C1", LegalBasis = "test",
            Handling = new Handling(codes, restriction), Provenance = new Provenance("peer:gb-nca", DateTimeOffset.UnixEpoch, "gb-nca"),
        });

    [Theory]
    [InlineData(HandlingCodes.H0, "criminal-investigation")]
    [InlineData(HandlingCodes.H0, "prosecution")]
    [InlineData(HandlingCodes.H0 | HandlingCodes.H2, "prosecution")]
    [InlineData(HandlingCodes.H0 | HandlingCodes.H1, "criminal-investigation")]
    [InlineData(HandlingCodes.H1, "intelligence-analysis")]
    public void H0_H2_and_H1_outside_judicial_purposes_may_be_passed_on(HandlingCodes codes, string purpose) =>
        Assert.Null(OnwardHandling.Refusal(Record(codes), purpose));

    [Fact]
    public void An_H1_record_is_not_passed_on_for_prosecution()
    {
        var refusal = OnwardHandling.Refusal(Record(HandlingCodes.H0 | HandlingCodes.H1), "prosecution");

        Assert.NotNull(refusal);
        Assert.False(refusal.IsPermitted);
        Assert.Equal(OnwardHandling.H1NoJudicialUse, refusal.Rule);
        Assert.Contains("gb-nca/r-1", refusal.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("criminal-investigation")]
    [InlineData("victim-identification")]
    [InlineData("prosecution")]
    public void An_H3_record_is_passed_on_by_nobody_but_its_originator(string purpose)
    {
        var refusal = OnwardHandling.Refusal(Record(HandlingCodes.H0 | HandlingCodes.H3, "informant's lead"), purpose);

        Assert.Equal(OnwardHandling.H3OriginatorOnly, refusal?.Rule);
        Assert.DoesNotContain("informant", refusal!.Reason, StringComparison.Ordinal); // the restriction text stays out of the answer
    }
}
