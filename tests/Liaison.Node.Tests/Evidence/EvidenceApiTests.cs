using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Liaison.Ledger.Custody;
using Liaison.Ledger.Entries;
using Liaison.Storage.Evidence;
using Liaison.Storage.Ledger;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Liaison.Node.Tests.Evidence;

/// <summary>Evidence of a case over the API: content-addressed storage, custody steps in the ledger, denials.</summary>
public sealed class EvidenceApiTests : IAsyncLifetime
{
    private const string Purpose = "criminal-investigation";
    private RunningNode _node = null!;

    public async Task InitializeAsync() => _node = await RunningNode.StartAsync();

    public async Task DisposeAsync() => await _node.DisposeAsync();

    private async Task<JsonElement> UploadAsync(string user, string caseId, byte[] bytes, string query = "")
    {
        var client = await _node.As(user);
        var response = await client.PostAsync($"/api/cases/{caseId}/evidence?fileName=dump.bin&purpose={Purpose}{query}", new ByteArrayContent(bytes));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task An_uploaded_file_is_stored_under_its_sha256_and_its_collection_is_journalled()
    {
        var bytes = Encoding.UTF8.GetBytes("handset extraction 7");

        var item = await UploadAsync("investigator", "C1", bytes, "&tlp=RED");

        var digest = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(bytes));
        Assert.Equal(digest, item.GetProperty("digest").GetString());
        Assert.Equal("TLP:RED", item.GetProperty("tlp").GetString());
        var locker = _node.Services.GetRequiredService<EvidenceLocker>();
        Assert.Equal(bytes, await File.ReadAllBytesAsync(locker.Store.PathOf(digest)));
        var entry = await _node.Services.GetRequiredService<NodeLedger>().Store.GetEntryAsync(item.GetProperty("ledgerIndex").GetInt64(), CancellationToken.None);
        var step = CustodyEvent.FromLedgerEvent(entry.Decode())!;
        Assert.Equal((CustodyAction.Collected, "investigator", "C1", digest), (step.Action, step.Actor, step.Case, step.Item));
    }

    [Fact]
    public async Task Downloading_journals_an_accessed_step_and_the_trail_lists_every_step_in_order()
    {
        var bytes = Encoding.UTF8.GetBytes("provider answer 12");
        var digest = (await UploadAsync("investigator", "C1", bytes, "&receivedFrom=telco-x")).GetProperty("digest").GetString();
        var analyst = await _node.As("analyst");

        var download = await analyst.GetAsync($"/api/cases/C1/evidence/{digest}?purpose={Purpose}");
        var trail = await (await analyst.GetAsync($"/api/cases/C1/evidence/{digest}/custody?purpose={Purpose}")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.True(trail.GetProperty("sound").GetBoolean());
        var steps = trail.GetProperty("steps").EnumerateArray().Select(s => (s.GetProperty("action").GetString(), s.GetProperty("actor").GetString(),
            s.GetProperty("counterparty").GetString())).ToList();
        Assert.Equal([("received-from", "investigator", "telco-x"), ("accessed", "analyst", null)], steps);
    }

    [Fact]
    public async Task Evidence_of_a_case_the_caller_may_not_see_answers_as_if_it_did_not_exist_and_nothing_is_accessed()
    {
        var digest = (await UploadAsync("investigator", "C1", [9, 9, 9])).GetProperty("digest").GetString();
        var outsider = await _node.As("outsider");

        var hidden = await outsider.GetAsync($"/api/cases/C1/evidence/{digest}?purpose={Purpose}");
        var missing = await (await _node.As("investigator")).GetAsync($"/api/cases/C1/evidence/sha256:{new string('0', 64)}?purpose={Purpose}");

        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var trail = await _node.Services.GetRequiredService<EvidenceLocker>().TrailAsync(digest!);
        Assert.DoesNotContain(trail.Steps, s => s.Step.Action == CustodyAction.Accessed);
        await using var db = _node.Node.Db();
        Assert.Contains(await db.Audit.AsNoTracking().ToListAsync(), a => a.Actor == "outsider" && a.Decision == "deny" && a.Detail!.StartsWith("evidence ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_dpo_never_downloads_evidence()
    {
        var digest = (await UploadAsync("investigator", "C1", [1, 2])).GetProperty("digest").GetString();

        var response = await (await _node.As("dpo")).GetAsync($"/api/cases/C1/evidence/{digest}?purpose={Purpose}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task A_download_without_a_purpose_is_denied()
    {
        var digest = (await UploadAsync("investigator", "C1", [3, 4])).GetProperty("digest").GetString();

        var response = await (await _node.As("investigator")).GetAsync($"/api/cases/C1/evidence/{digest}");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("purpose", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_marking_is_refused_naming_the_field()
    {
        var client = await _node.As("investigator");

        var response = await client.PostAsync($"/api/cases/C1/evidence?fileName=x.bin&purpose={Purpose}&tlp=PURPLE", new ByteArrayContent([1]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("field 'tlp'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_handed_over_item_cannot_be_accessed_until_it_is_received_back()
    {
        var digest = (await UploadAsync("investigator", "C1", [5, 6, 7])).GetProperty("digest").GetString()!;
        var locker = _node.Services.GetRequiredService<EvidenceLocker>();
        await locker.RecordAsync(new CustodyEvent { Item = digest, Case = "C1", Action = CustodyAction.TransferredTo, Actor = "investigator", Counterparty = "nl-politie", Time = default });

        var response = await (await _node.As("investigator")).GetAsync($"/api/cases/C1/evidence/{digest}?purpose={Purpose}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("not in custody", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Empty((await locker.TrailAsync(digest)).Problems());
    }
}
