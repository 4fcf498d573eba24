using System.Net.Http.Json;
using System.Text.Json;
using Liaison.Core.Requests;
using Liaison.Node.Requests;
using Liaison.Node.Tests.Federation;
using Microsoft.Extensions.Time.Testing;

namespace Liaison.Node.Tests.Requests;

/// <summary>
/// Two nodes on 127.0.0.1: the Metropolitan Police (GB) and a US telecom provider's compliance node, which
/// answers CLOUD Act orders from the Met only. GB users: an investigator, a supervisor, the Home Office's
/// designated authority, a liaison officer and the DPO; US: the compliance team.
/// </summary>
public sealed class RequestNodesFixture : IAsyncLifetime
{
    public const string Case = "GB-OP-HEROIN";
    public const string Purpose = "criminal-investigation";
    public const string Target = "+447911123456";

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero));
    public FederatedNode Gb { get; private set; } = null!;
    public FederatedNode Us { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Gb = await FederatedNode.CreateAsync("gb-met", "Metropolitan Police Service", "GB", Clock);
        Us = await FederatedNode.CreateAsync("us-telco", "Example Telco Inc. compliance", "US", Clock);
        await Gb.ImportAsync(Case, "suspects.jsonl", """{"id":"p1","schema":"Person","properties":{"name":["Courier"],"phone":["07911 123456"]}}""");
        await Gb.AddUserAsync("ivy", "investigator", Case);
        await Gb.AddUserAsync("sam", "supervisor", Case);
        await Gb.AddUserAsync("sue", "supervisor,investigator", Case);
        await Gb.AddUserAsync("dana", "designated-authority", "none");
        await Gb.AddUserAsync("leo", "liaison-officer", "none");
        await Gb.AddUserAsync("dora", "dpo", "none");
        await Us.AddUserAsync("pat", "provider-compliance", "none");
        await Gb.TrustAsync(Us);
        await Us.TrustAsync(Gb);
        // The worker's own timer is off: the tests run its passes themselves on the fake clock.
        var slow = TimeSpan.Zero;
        // Hours rather than the default week, so that the deadline tests move the shared clock (and every timer on it) only a little.
        RequestsSettings.Write(Gb.Config, new RequestsSettings
        {
            DeadlinePoll = slow,
            Deadlines = new Dictionary<LegalInstrument, DeadlineSetting> { [LegalInstrument.CloudActUsUk] = new(TimeSpan.FromHours(10), TimeSpan.FromHours(5)) },
        });
        RequestsSettings.Write(Us.Config, new RequestsSettings
        {
            DeadlinePoll = slow,
            Provider = new ProviderSettings { AcceptedInstruments = [LegalInstrument.CloudActUsUk], Authorities = ["gb-met"] },
        });
        await Gb.StartAsync();
        await Us.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Gb.DisposeAsync();
        await Us.DisposeAsync();
    }

    public static readonly JsonSerializerOptions Json = RequestMessages.Json;

    /// <summary>A complete CLOUD Act order for traffic data about the courier's phone, as the draft form sends it.</summary>
    public static object CloudActDraft(string? instrument = "CloudActUsUk") => new
    {
        caseId = Case,
        purpose = Purpose,
        type = "TrafficData",
        instrument,
        offenceCode = "drug-trafficking",
        maximumPenaltyYears = 99,
        targets = new[] { new { kind = "Phone", value = "07911 123456", believedLocation = "GB", believedNationality = "GB" } },
        periodFrom = "2026-10-01T00:00:00Z",
        periodTo = "2026-10-31T23:59:59Z",
        categories = new[] { "SubscriberData", "TrafficData" },
        necessityStatement = "The phone is used by the suspected courier of a heroin importation network; subscriber and call data for October will show who directs the deliveries, and no less intrusive source exists.",
        doNotNotifyUser = true,
        addresseeKind = "ServiceProvider",
        addresseeId = "us-telco",
        addresseeJurisdiction = "US",
        issuerName = "Metropolitan Police Service",
        issuerCapacity = "InvestigatingAuthority",
    };

    public static readonly byte[] Cdr =
        "caller,callee,start,duration,cell_id\r\n+447911123456,+12025550143,2026-10-05T10:00:00Z,42,310-260-1\r\n+12025550199,+447911123456,2026-10-06T21:15:00Z,305,310-260-7\r\n"u8.ToArray();

    public async Task<DataAccessRequest> DraftAsync(string user = "ivy", object? body = null)
    {
        var client = await Gb.SignInAsync(user);
        var response = await client.PostAsJsonAsync("/api/requests", body ?? CloudActDraft());
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<DataAccessRequest>(Json))!;
    }

    public static async Task<HttpResponseMessage> ActAsync(HttpClient client, string id, string action, string? text = null) =>
        await client.PostAsJsonAsync($"/api/requests/{id}/{action}", new { purpose = Purpose, text });

    /// <summary>Draft, approve, validate and send, then wait until the provider's inbox holds it.</summary>
    public async Task<DataAccessRequest> SentAsync()
    {
        var draft = await DraftAsync();
        Ok(await ActAsync(await Gb.SignInAsync("sam"), draft.Id, "approve"));
        Ok(await ActAsync(await Gb.SignInAsync("dana"), draft.Id, "approve"));
        var sent = await ReadAsync(await ActAsync(await Gb.SignInAsync("leo"), draft.Id, "send"));
        var pat = await Us.SignInAsync("pat");
        await UntilAsync(async () => (await pat.GetAsync($"/api/requests/{sent.Id}?purpose={Purpose}")).IsSuccessStatusCode, "the request reaches the provider");
        return sent;
    }

    /// <summary>
    /// Moves the shared fake clock on in half-second steps (the delivery worker and the aftercare sleep on it)
    /// until <paramref name="condition"/> holds; the exchange carries messages asynchronously.
    /// </summary>
    public Task UntilAsync(Func<Task<bool>> condition, string what) => FakeClockWait.UntilAsync(Clock, condition, what);

    public Task UntilStateAsync(string id, RequestState state) =>
        UntilAsync(async () => (await ViewAsync(Gb, "ivy", id)).Request.State == state, $"request {id} is {state} at the requester");

    public static void Ok(HttpResponseMessage response) =>
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.Content.ReadAsStringAsync().GetAwaiter().GetResult()}");

    public static async Task<DataAccessRequest> ReadAsync(HttpResponseMessage response)
    {
        Ok(response);
        return (await response.Content.ReadFromJsonAsync<DataAccessRequest>(Json))!;
    }

    public async Task<RequestView> ViewAsync(FederatedNode node, string user, string id)
    {
        var response = await (await node.SignInAsync(user)).GetAsync($"/api/requests/{id}?purpose={Purpose}");
        Ok(response);
        return (await response.Content.ReadFromJsonAsync<RequestView>(Json))!;
    }
}
