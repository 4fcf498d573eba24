using Liaison.Core.Requests;
using Liaison.Core.Requests.Evidence;
using Liaison.Core.Requests.Provider;
using Liaison.Core.Requests.Validation;

namespace Liaison.Core.Tests.Requests;

public class ComplianceDeskTests
{
    private readonly RequestFixtures _f = new();

    private static readonly ProviderProfile UsTelco = new(
        "us-telco",
        "US",
        new HashSet<LegalInstrument> { LegalInstrument.CloudActUsUk },
        [new RecognisedAuthority("gb-nca", "GB", new HashSet<string>(StringComparer.Ordinal) { "gb-nca-2025" })]);

    private ComplianceDesk Desk => new(UsTelco, RequestRules.Default, _f.Clock);

    [Fact]
    public void Lawful_request_from_a_recognised_authority_is_acceptable()
    {
        var screening = Desk.Screen(_f.Sent(), "gb-nca-2025");
        Assert.True(screening.IsAcceptable, screening.Explanation);
        Assert.Null(screening.PrincipalReason);
    }

    [Fact]
    public void Request_for_another_provider_is_refused_first_for_that()
    {
        var elsewhere = RequestFixtures.CloudAct() with { Addressee = new(AddresseeKind.ServiceProvider, "us-other", "US") };
        var s = Desk.Screen(elsewhere, "gb-nca-2025");
        Assert.Equal(RefusalReason.NotAddressedToThisProvider, s.PrincipalReason);
    }

    [Fact]
    public void Instrument_the_provider_does_not_accept_is_refused()
    {
        var epoc = RequestFixtures.Epoc() with { Addressee = new(AddresseeKind.ServiceProvider, "us-telco", "IE") };
        var s = Desk.Screen(epoc, "gb-nca-2025");
        Assert.Contains(s.Grounds, g => g.Reason == RefusalReason.InstrumentNotAccepted);
        Assert.Contains(s.Grounds, g => g.Reason == RefusalReason.AuthorityNotRecognised && g.Field == "requester");
    }

    [Fact]
    public void Request_signed_with_a_key_not_registered_for_the_authority_is_refused()
    {
        var s = Desk.Screen(_f.Sent(), "gb-nca-2019-revoked");
        var g = Assert.Single(s.Grounds);
        Assert.Equal((RefusalReason.AuthorityNotRecognised, "signature"), (g.Reason, g.Field));
    }

    [Fact]
    public void Provider_refuses_a_cloud_act_request_for_a_minor_offence()
    {
        var minor = RequestFixtures.CloudAct() with { OffenceCode = "swindling", MaximumPenaltyYears = 1 };
        var s = Desk.Screen(minor, "gb-nca-2025");
        Assert.Equal(RefusalReason.NotSeriousCrime, s.PrincipalReason);
        Assert.StartsWith("maximumPenaltyYears: ", s.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Provider_refuses_when_the_account_holder_turns_out_to_be_a_us_person()
    {
        var sent = _f.Sent();
        var s = Desk.Screen(sent, "gb-nca-2025", [new TargetFinding(sent.Targets[0], DataHeld: true, Location: "GB", Nationality: "US")]);
        var g = Assert.Single(s.Grounds);
        Assert.Equal((RefusalReason.ProtectedPerson, "targets[0]"), (g.Reason, g.Field));
    }

    [Fact]
    public void Provider_refuses_when_it_no_longer_holds_any_data()
    {
        var sent = _f.Sent();
        var s = Desk.Screen(sent, "gb-nca-2025", [new TargetFinding(sent.Targets[0], DataHeld: false)]);
        Assert.Equal(RefusalReason.DataNoLongerHeld, s.PrincipalReason);

        var refused = _f.Workflow.Refuse(sent, RequestFixtures.ProviderCompliance, s.PrincipalReason!.Value, s.Explanation).Request;
        Assert.Equal(RequestState.Refused, refused.State);
        Assert.Equal("targets: no data is held for any target in the requested period", refused.History[^1].Reason);
    }

    [Fact]
    public void Package_manifest_names_the_request_the_provider_and_the_time()
    {
        var sent = _f.Sent();
        _f.Clock.Advance(TimeSpan.FromDays(1).Add(TimeSpan.FromMilliseconds(700)));
        var manifest = Desk.Package(sent, [EvidenceFile.Describe("cdr.csv", "text/csv", "caller,callee,start,duration,cell_id\r\n"u8)]);
        Assert.Equal(("req-1", "us-telco", RequestFixtures.Start.AddDays(1)), (manifest.RequestId, manifest.Responder, manifest.CreatedAt));
        Assert.Null(manifest.Signature);
        Assert.NotNull(manifest.SignWith(TestManifestKeys.Provider).Signature);
    }
}
