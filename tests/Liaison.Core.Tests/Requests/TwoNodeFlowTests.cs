using Liaison.Core.Requests;
using Liaison.Core.Requests.CallRecords;
using Liaison.Core.Requests.Evidence;
using Liaison.Core.Requests.Provider;
using Liaison.Core.Requests.Validation;
using Liaison.Core.Requests.Workflow;
using Liaison.Core.Identifiers;
using Microsoft.Extensions.Time.Testing;

namespace Liaison.Core.Tests.Requests;

/// <summary>
/// The pure part of the demo: a GB investigator asks a US provider for subscriber data and call
/// records. Each side keeps its own copy and applies the other side's transitions, as the nodes will after
/// the Exchange pillar carries them.
/// </summary>
public class TwoNodeFlowTests
{
    [Fact]
    public void Gb_request_to_a_us_provider_is_answered_verified_and_imported()
    {
        var clock = new FakeTimeProvider(RequestFixtures.Start);
        var gb = new RequestWorkflow(RequestRules.Default, clock);
        var us = new RequestWorkflow(RequestRules.Default, clock);
        var desk = new ComplianceDesk(
            new ProviderProfile("us-telco", "US", new HashSet<LegalInstrument> { LegalInstrument.CloudActUsUk },
                [new RecognisedAuthority("gb-nca", "GB", new HashSet<string> { "gb-nca-2025" })]),
            RequestRules.Default, clock);

        // Requesting node: draft, four-eyes approval, designated authority, send.
        var r = gb.Open(RequestFixtures.CloudAct(), RequestFixtures.Investigator).Request;
        r = gb.Approve(r, RequestFixtures.Supervisor).Request;
        r = gb.Validate(r, RequestFixtures.HomeOffice).Request;
        r = gb.Send(r, RequestFixtures.LiaisonOfficer).Request;

        // Provider node: receives the sent request, screens, acknowledges, packages and signs.
        var inbox = r;
        Assert.True(desk.Screen(inbox, "gb-nca-2025", [new TargetFinding(inbox.Targets[0], DataHeld: true, Location: "GB")]).IsAcceptable);
        var ack = us.Acknowledge(inbox, RequestFixtures.ProviderCompliance);
        clock.Advance(TimeSpan.FromDays(3));
        var cdr = "caller,callee,start,duration,cell_id\r\n+447911123456,+12025550143,2025-01-15T10:00:00Z,42,310-260-1\r\n"u8.ToArray();
        var manifest = desk.Package(ack.Request, [EvidenceFile.Describe("cdr.csv", "text/csv", cdr)]).SignWith(TestManifestKeys.Provider);
        var done = us.Fulfil(ack.Request, RequestFixtures.ProviderCompliance, manifest.Digest());

        // Requesting node applies the provider's transitions, verifies the package and imports the calls.
        r = gb.Acknowledge(r, RequestFixtures.ProviderCompliance).Request;
        var received = EvidenceManifest.Parse(manifest.ToJson());
        var check = new EvidencePackageVerifier(TestManifestKeys.Provider).Verify(r, received, [EvidenceFile.Describe("cdr.csv", "text/csv", cdr)]);
        Assert.True(check.IsIntact);
        r = gb.Fulfil(r, RequestFixtures.ProviderCompliance, check.ManifestDigest).Request;
        var calls = new CallDetailRecordReader(new PhoneNumberNormalizer(r.Addressee.Jurisdiction)).Read(r, "cdr.csv", new StringReader(System.Text.Encoding.UTF8.GetString(cdr)));

        Assert.True(calls.IsClean);
        Assert.Equal("req-1", Assert.Single(calls.Rows).Provenance.RequestId);
        Assert.Equal(done.Request.State, r.State);
        Assert.Equal(done.Transition, r.History[^1]);
    }
}
