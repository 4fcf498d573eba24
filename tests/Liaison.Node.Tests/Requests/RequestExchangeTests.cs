using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Liaison.Core.Requests;
using Liaison.Exchange.Delivery;
using Liaison.Exchange.Envelopes;
using Liaison.Storage.Exchange;
using Liaison.Ledger.Custody;
using Liaison.Ledger.Entries;
using Liaison.Node.Requests;
using Liaison.Storage.Requests;
using Microsoft.EntityFrameworkCore;
using static Liaison.Node.Tests.Requests.RequestNodesFixture;

namespace Liaison.Node.Tests.Requests;

/// <summary>A police node and a provider node on loopback carry a CLOUD Act order from draft to imported call records.</summary>
public sealed class RequestExchangeTests(RequestNodesFixture nodes) : IClassFixture<RequestNodesFixture>
{
    [Fact]
    public async Task Draft_approve_validate_send_acknowledge_fulfil_verifies_the_package_imports_the_calls_and_records_custody_at_both_ends()
    {
        var sent = await nodes.SentAsync();
        Assert.Equal(RequestState.Sent, sent.State);
        Assert.Equal([RequestAction.Open, RequestAction.Approve, RequestAction.Validate, RequestAction.Send], sent.History.Select(t => t.Action));

        var pat = await nodes.Us.SignInAsync("pat");
        var inbox = await pat.GetFromJsonAsync<List<RequestSummary>>("/api/requests?purpose=" + Purpose, Json);
        Assert.Contains(inbox!, r => r.Id == sent.Id && r.Direction == RequestDirection.Incoming);
        var atProvider = await nodes.ViewAsync(nodes.Us, "pat", sent.Id);
        Assert.Null(atProvider.Screening);

        Ok(await ActAsync(pat, sent.Id, "acknowledge"));
        await nodes.UntilStateAsync(sent.Id, RequestState.Acknowledged);

        var fulfilled = await ReadAsync(await pat.PostAsJsonAsync($"/api/requests/{sent.Id}/respond", new
        {
            purpose = Purpose, outcome = "fulfil", files = new[] { new { name = "cdr.csv", mediaType = "text/csv", content = Convert.ToBase64String(Cdr) } },
        }));
        Assert.Equal(RequestState.Fulfilled, fulfilled.State);
        await nodes.UntilAsync(async () => (await nodes.ViewAsync(nodes.Gb, "ivy", sent.Id)).Packages.SelectMany(p => p.Files).Any(f => f.ImportId is not null),
            "the package is verified and its calls imported at the requester");

        var atRequester = await nodes.ViewAsync(nodes.Gb, "ivy", sent.Id);
        Assert.Equal(RequestState.Fulfilled, atRequester.Request.State);
        var package = Assert.Single(atRequester.Packages);
        Assert.True(package.Verified);
        Assert.Equal("us-telco", package.Responder);
        var file = Assert.Single(package.Files);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Cdr)), file.Sha256);
        Assert.NotNull(file.ImportId);
        Assert.Contains(package.ManifestDigest, atRequester.Request.History[^1].Reason, StringComparison.Ordinal);

        await using (var db = nodes.Gb.Db())
        {
            var calls = await db.CallRecords.AsNoTracking().Where(c => c.CaseId == Case && c.ImportId == file.ImportId).ToListAsync();
            Assert.Equal(2, calls.Count);
            Assert.All(calls, c => Assert.True(c.Caller == Target || c.Callee == Target));
            var import = await db.Imports.AsNoTracking().SingleAsync(i => i.Id == file.ImportId);
            Assert.Equal("request:" + sent.Id, import.ImportedBy);
        }

        var gbCustody = await CustodyAsync(nodes.Gb, file.Sha256);
        var usCustody = await CustodyAsync(nodes.Us, file.Sha256);
        Assert.Equal([CustodyAction.Collected, CustodyAction.TransferredTo], usCustody.Select(c => c.Action));
        Assert.Equal("gb-met", usCustody[1].Counterparty);
        Assert.Equal([CustodyAction.ReceivedFrom, CustodyAction.Accessed], gbCustody.Select(c => c.Action));
        Assert.Equal("us-telco", gbCustody[0].Counterparty);
        Assert.Empty(new CustodyTrail(file.Sha256, gbCustody.Select((c, i) => ((long)i, c)).ToList()).Problems());

        var gbTransitions = await TransitionsAsync(nodes.Gb, sent.Id);
        Assert.Equal(["request.open", "request.approve", "request.validate", "request.send", "request.acknowledge", "request.fulfil"], gbTransitions);
        // The provider journals the request as it arrived (sent), then its own steps.
        Assert.Equal(["request.send", "request.acknowledge", "request.fulfil"], await TransitionsAsync(nodes.Us, sent.Id));
    }

    [Fact]
    public async Task An_investigator_cannot_approve_and_a_supervisor_cannot_approve_a_request_they_drafted()
    {
        var byIvy = await nodes.DraftAsync();
        var asInvestigator = await ActAsync(await nodes.Gb.SignInAsync("ivy"), byIvy.Id, "approve");
        Assert.Equal(HttpStatusCode.Forbidden, asInvestigator.StatusCode);
        Assert.Contains("policy-denied", await asInvestigator.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var bySue = await nodes.DraftAsync("sue");
        var ownApproval = await ActAsync(await nodes.Gb.SignInAsync("sue"), bySue.Id, "approve");
        Assert.Equal(HttpStatusCode.Forbidden, ownApproval.StatusCode);
        Assert.Contains("separation-of-duties", await ownApproval.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(RequestState.Draft, (await nodes.ViewAsync(nodes.Gb, "ivy", bySue.Id)).Request.State);
    }

    [Fact]
    public async Task A_request_without_legal_instrument_is_refused_with_the_field_named_and_nothing_reaches_the_provider()
    {
        var draft = await nodes.DraftAsync(body: CloudActDraft(instrument: null));

        var approval = await ActAsync(await nodes.Gb.SignInAsync("sam"), draft.Id, "approve");
        var problem = await approval.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, approval.StatusCode);
        Assert.Contains("\"field\":\"instrument\"", problem, StringComparison.Ordinal);
        var send = await ActAsync(await nodes.Gb.SignInAsync("leo"), draft.Id, "send");
        Assert.Equal(HttpStatusCode.Conflict, send.StatusCode);
        await using var db = nodes.Us.Db();
        Assert.False(await db.Set<RequestRow>().AnyAsync(r => r.Id == draft.Id));
    }

    [Fact]
    public async Task A_draft_with_an_unreadable_target_or_without_a_case_is_refused_and_not_stored()
    {
        var ivy = await nodes.Gb.SignInAsync("ivy");
        var badTarget = await ivy.PostAsJsonAsync("/api/requests", new { caseId = Case, purpose = Purpose, type = "TrafficData", targets = new[] { new { kind = "Phone", value = "not a phone" } }, addresseeKind = "ServiceProvider", addresseeId = "us-telco", addresseeJurisdiction = "US" });
        Assert.Equal(HttpStatusCode.BadRequest, badTarget.StatusCode);
        Assert.Contains("targets[0].value", await badTarget.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var noCase = await ivy.PostAsJsonAsync("/api/requests", new { purpose = Purpose, type = "TrafficData", addresseeKind = "ServiceProvider", addresseeId = "us-telco", addresseeJurisdiction = "US" });
        Assert.Equal(HttpStatusCode.Forbidden, noCase.StatusCode);
        Assert.Contains("case-required", await noCase.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_provider_refuses_with_a_reason_code_and_the_requester_sees_the_refusal()
    {
        var sent = await nodes.SentAsync();
        var pat = await nodes.Us.SignInAsync("pat");

        Ok(await pat.PostAsJsonAsync($"/api/requests/{sent.Id}/respond", new { purpose = Purpose, outcome = "refuse", refusalReason = "DataNoLongerHeld", reason = "call records are kept for 30 days" }));
        await nodes.UntilStateAsync(sent.Id, RequestState.Refused);

        var atRequester = (await nodes.ViewAsync(nodes.Gb, "ivy", sent.Id)).Request;
        Assert.Equal(RequestState.Refused, atRequester.State);
        Assert.Equal(RefusalReason.DataNoLongerHeld, RequestTimeline.RefusalReason(atRequester));
    }

    [Fact]
    public async Task A_package_whose_file_does_not_match_its_signed_manifest_is_refused_for_good_and_nothing_of_it_is_kept_by_the_requester()
    {
        var sent = await nodes.SentAsync();
        var pat = await nodes.Us.SignInAsync("pat");
        Ok(await ActAsync(pat, sent.Id, "acknowledge"));
        await nodes.UntilStateAsync(sent.Id, RequestState.Acknowledged);
        using var usFederation = nodes.Us.OpenFederation();
        var manifest = Core.Requests.Evidence.EvidenceManifest.Create(sent.Id, "us-telco", nodes.Clock.GetUtcNow(),
            [Core.Requests.Evidence.EvidenceFile.Describe("cdr.csv", "text/csv", Cdr)]).SignWith(new Liaison.Exchange.Evidence.NodeManifestSigner(usFederation.Identity));
        var tampered = Cdr.ToArray();
        tampered[^3] = (byte)'9';
        var step = new RequestStepMessage(sent.Id, RequestAction.Fulfil, new RequestActor("pat", "us-telco", RequestRole.ProviderCompliance),
            "package " + manifest.Digest(), null, manifest.ToJson(), [new EvidenceContent("cdr.csv", Convert.ToBase64String(tampered))]);

        string messageId;
        await using (var usDb = nodes.Us.Db())
        {
            var outbox = new Outbox(new DbOutboxStore(usDb), usFederation.Peers, usFederation.Sealer, nodes.Clock);
            messageId = (await outbox.EnqueueAsync(new OutgoingMessage("gb-met", RequestMessages.StepType, JsonSerializer.SerializeToUtf8Bytes(step, Json), sent.Id))).Id;
        }
        OutboxRow? dead = null;
        await nodes.UntilAsync(async () =>
        {
            await using var db = nodes.Us.Db();
            dead = await db.Set<OutboxRow>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == messageId && r.State == OutboxState.Dead);
            return dead is not null;
        }, "the requester refuses the tampered package");

        Assert.Contains("Unprocessable", dead!.LastError, StringComparison.Ordinal);
        var atRequester = await nodes.ViewAsync(nodes.Gb, "ivy", sent.Id);
        Assert.Equal(RequestState.Acknowledged, atRequester.Request.State);
        Assert.Empty(atRequester.Packages);
        Assert.Empty(await CustodyAsync(nodes.Gb, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(tampered))));
    }

    [Fact]
    public async Task The_dpo_reads_statistics_without_any_case_content_and_cannot_open_a_request()
    {
        var sent = await nodes.SentAsync();
        var dora = await nodes.Gb.SignInAsync("dora");

        var csv = await dora.GetAsync("/api/requests/statistics.csv");
        var text = await csv.Content.ReadAsStringAsync();
        var request = await dora.GetAsync($"/api/requests/{sent.Id}?purpose={Purpose}");
        var list = await dora.GetAsync($"/api/requests?purpose={Purpose}");

        Ok(csv);
        Assert.StartsWith("dimension,key,requests,fulfilled", text, StringComparison.Ordinal);
        Assert.Contains("instrument,CloudActUsUk,", text, StringComparison.Ordinal);
        foreach (var secret in new[] { sent.Id, Case, Target, "07911", "heroin", "ivy" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Forbidden, request.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        var ivyStats = await (await nodes.Gb.SignInAsync("ivy")).GetAsync("/api/requests/statistics");
        Assert.Equal(HttpStatusCode.Forbidden, ivyStats.StatusCode);
    }

    [Fact]
    public async Task A_follow_up_naming_an_identifier_that_no_hit_matched_is_refused()
    {
        var ivy = await nodes.Gb.SignInAsync("ivy");
        var response = await ivy.PostAsJsonAsync("/api/requests/follow-up", new
        {
            caseId = Case, purpose = Purpose, peer = "us-telco", peerJurisdiction = "US", session = Guid.NewGuid(),
            hits = new[] { new { kind = "phone", value = Target } }, offenceCode = "drug-trafficking", maximumPenaltyYears = 99, necessityStatement = "x",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("hits[0]", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<List<CustodyEvent>> CustodyAsync(Federation.FederatedNode node, string sha256) =>
        (await node.LedgerAsync()).Select(e => CustodyEvent.FromLedgerEvent(e.Event)).OfType<CustodyEvent>()
            .Where(c => c.Item == EvidenceDigest.Prefix + sha256).ToList();

    private static async Task<List<string>> TransitionsAsync(Federation.FederatedNode node, string requestId) =>
        (await node.LedgerAsync()).Where(e => e.Event.Type == LedgerEventType.RequestTransition && e.Payload.Contains(requestId, StringComparison.Ordinal))
            .Select(e => e.Event.Detail["action"]).ToList();
}
