using System.Net.Http.Json;
using Liaison.Core.Requests;
using Liaison.Node.Requests;
using Liaison.Node.Tests.Federation;
using Liaison.Storage.Requests;
using Microsoft.Extensions.Time.Testing;
using static Liaison.Node.Tests.Requests.RequestNodesFixture;

namespace Liaison.Node.Tests.Requests;

/// <summary>
/// Three nodes on 127.0.0.1: the Met (GB) asks a US provider under the CLOUD Act agreement and the Dutch
/// police under a mutual legal assistance treaty, in the same case. Each addressee receives only the request
/// addressed to it, answers with a signed package, and the Met verifies both packages and imports both
/// call-detail files into the case.
/// </summary>
public sealed class ThreeNodeRequestTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
    private FederatedNode _gb = null!;
    private FederatedNode _us = null!;
    private FederatedNode _nl = null!;

    private static readonly byte[] DutchCdr =
        "caller,callee,start,duration,cell_id\r\n+31612345678,+447911123456,2026-10-07T08:30:00Z,64,204-08-3\r\n"u8.ToArray();

    public async Task InitializeAsync()
    {
        _gb = await FederatedNode.CreateAsync("gb-met", "Metropolitan Police Service", "GB", _clock);
        _us = await FederatedNode.CreateAsync("us-telco", "Example Telco Inc. compliance", "US", _clock);
        _nl = await FederatedNode.CreateAsync("nl-politie", "Politie Nederland", "NL", _clock);
        await _gb.ImportAsync(Case, "suspects.jsonl", """{"id":"p1","schema":"Person","properties":{"name":["Courier"],"phone":["07911 123456"]}}""");
        await _gb.AddUserAsync("ivy", "investigator", Case);
        await _gb.AddUserAsync("sam", "supervisor", Case);
        await _gb.AddUserAsync("dana", "designated-authority", "none");
        await _gb.AddUserAsync("leo", "liaison-officer", "none");
        await _us.AddUserAsync("pat", "provider-compliance", "none");
        await _nl.AddUserAsync("lotte", "liaison-officer", "none");
        foreach (var (a, b) in new[] { (_gb, _us), (_us, _gb), (_gb, _nl), (_nl, _gb) })
        {
            await a.TrustAsync(b);
        }
        RequestsSettings.Write(_gb.Config, new RequestsSettings { DeadlinePoll = TimeSpan.Zero });
        RequestsSettings.Write(_us.Config, new RequestsSettings
        {
            DeadlinePoll = TimeSpan.Zero,
            Provider = new ProviderSettings { AcceptedInstruments = [LegalInstrument.CloudActUsUk], Authorities = ["gb-met"] },
        });
        RequestsSettings.Write(_nl.Config, new RequestsSettings
        {
            DeadlinePoll = TimeSpan.Zero,
            Provider = new ProviderSettings { AcceptedInstruments = [LegalInstrument.MutualLegalAssistanceTreaty], Authorities = ["gb-met"] },
        });
        await _gb.StartAsync();
        await _us.StartAsync();
        await _nl.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _gb.DisposeAsync();
        await _us.DisposeAsync();
        await _nl.DisposeAsync();
    }

    [Fact]
    public async Task Each_addressee_gets_only_its_own_request_and_the_requester_verifies_and_imports_both_answers()
    {
        var toProvider = await SendAsync(CloudActDraft());
        var toAgency = await SendAsync(MlaDraft());
        var pat = await _us.SignInAsync("pat");
        var lotte = await _nl.SignInAsync("lotte");
        await UntilAsync(async () => (await pat.GetAsync($"/api/requests/{toProvider}?purpose={Purpose}")).IsSuccessStatusCode
            && (await lotte.GetAsync($"/api/requests/{toAgency}?purpose={Purpose}")).IsSuccessStatusCode, "both requests reach their addressees");

        // Neither addressee learns of the other's request.
        Assert.Equal([toProvider], (await pat.GetFromJsonAsync<List<RequestSummary>>("/api/requests?purpose=" + Purpose, Json))!.Select(r => r.Id));
        Assert.Equal([toAgency], (await lotte.GetFromJsonAsync<List<RequestSummary>>("/api/requests?purpose=" + Purpose, Json))!.Select(r => r.Id));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await pat.GetAsync($"/api/requests/{toAgency}?purpose={Purpose}")).StatusCode);

        foreach (var (client, id, cdr) in new[] { (pat, toProvider, Cdr), (lotte, toAgency, DutchCdr) })
        {
            Ok(await ActAsync(client, id, "acknowledge"));
            await UntilStateAsync(id, RequestState.Acknowledged);
            Ok(await client.PostAsJsonAsync($"/api/requests/{id}/respond", new
            {
                purpose = Purpose, outcome = "fulfil", files = new[] { new { name = "cdr.csv", mediaType = "text/csv", content = Convert.ToBase64String(cdr) } },
            }));
        }
        foreach (var (id, responder) in new[] { (toProvider, "us-telco"), (toAgency, "nl-politie") })
        {
            await UntilAsync(async () => (await ViewAsync(id)).Packages.SelectMany(p => p.Files).Any(f => f.ImportId is not null), $"{responder}'s package is imported");
            var view = await ViewAsync(id);
            Assert.Equal(RequestState.Fulfilled, view.Request.State);
            var package = Assert.Single(view.Packages);
            Assert.True(package.Verified);
            Assert.Equal(responder, package.Responder);
        }
        await using var db = _gb.Db();
        Assert.Equal(3, db.CallRecords.Count(c => c.CaseId == Case));
    }

    private static object MlaDraft() => new
    {
        caseId = Case,
        purpose = Purpose,
        type = "TrafficData",
        instrument = "MutualLegalAssistanceTreaty",
        offenceCode = "drug-trafficking",
        maximumPenaltyYears = 99,
        targets = new[] { new { kind = "Phone", value = "+31 6 12345678", believedLocation = "NL", believedNationality = "NL" } },
        periodFrom = "2026-10-01T00:00:00Z",
        periodTo = "2026-10-31T23:59:59Z",
        categories = new[] { "TrafficData" },
        necessityStatement = "The courier's phone was called from this Dutch number on the day of a delivery; its call data will show who directs the Rotterdam end of the importation.",
        doNotNotifyUser = true,
        addresseeKind = "Agency",
        addresseeId = "nl-politie",
        addresseeJurisdiction = "NL",
        issuerName = "Metropolitan Police Service",
        issuerCapacity = "InvestigatingAuthority",
    };

    /// <summary>Drafts, approves (and validates where the instrument asks for it) and sends; returns the id.</summary>
    private async Task<string> SendAsync(object body)
    {
        var draft = await ReadAsync(await (await _gb.SignInAsync("ivy")).PostAsJsonAsync("/api/requests", body));
        var approved = await ReadAsync(await ActAsync(await _gb.SignInAsync("sam"), draft.Id, "approve"));
        if (approved.State == RequestState.AwaitingValidation)
        {
            Ok(await ActAsync(await _gb.SignInAsync("dana"), draft.Id, "approve"));
        }
        Ok(await ActAsync(await _gb.SignInAsync("leo"), draft.Id, "send"));
        return draft.Id;
    }

    private async Task<RequestView> ViewAsync(string id)
    {
        var response = await (await _gb.SignInAsync("ivy")).GetAsync($"/api/requests/{id}?purpose={Purpose}");
        Ok(response);
        return (await response.Content.ReadFromJsonAsync<RequestView>(Json))!;
    }

    private async Task UntilStateAsync(string id, RequestState state)
    {
        await UntilAsync(async () => (await ViewAsync(id)).Request.State == state, $"request {id} is {state} at the requester");
    }

    private Task UntilAsync(Func<Task<bool>> condition, string what) => FakeClockWait.UntilAsync(_clock, condition, what);
}
