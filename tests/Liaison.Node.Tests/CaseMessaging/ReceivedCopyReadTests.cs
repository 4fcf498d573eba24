using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Liaison.Node.Tests.Exchange;
using Liaison.Storage.Import;

namespace Liaison.Node.Tests.CaseMessaging;

/// <summary>
/// A received copy's id is "{origin node}/{record id}"; the receiving desk reads it through
/// <c>GET /api/entities/{id}</c> with the slash sent as %2F, under the same policy as any record.
/// </summary>
public sealed class ReceivedCopyReadTests : IAsyncLifetime
{
    private const string Case = "GB-OP-2";
    private const string Purpose = "criminal-investigation";
    private ExchangeNode _gb = null!;
    private ExchangeNode _nl = null!;

    public async Task InitializeAsync()
    {
        _gb = await ExchangeNode.CreateAsync("gb-nca", "GB");
        _nl = await ExchangeNode.CreateAsync("nl-politie", "NL");
        await _gb.TrustAsync(_nl);
        await _nl.TrustAsync(_gb);
        await new ImportService(_gb.Config, TimeProvider.System).ImportAsync(() => new MemoryStream(Encoding.UTF8.GetBytes(
            """{"id":"g-suspect","schema":"Person","properties":{"name":["Ivan Petrov"]}}""" + "\n")),
            "gb.jsonl", new ImportOptions { ImportedBy = "test", CaseId = Case });
        await CaseNodes.AddUserAsync(_gb, "sup", "supervisor", Case);
        await CaseNodes.AddUserAsync(_nl, "desk", "liaison-officer", null);
        await CaseNodes.AddUserAsync(_nl, "dpo", "dpo", null);
        await _gb.StartReplicaAsync();
        await _nl.StartReplicaAsync();
    }

    public async Task DisposeAsync()
    {
        await _gb.DisposeAsync();
        await _nl.DisposeAsync();
    }

    [Fact]
    public async Task The_liaison_desk_reads_a_received_copy_by_its_origin_qualified_id_and_oversight_does_not()
    {
        var sent = await (await CaseNodes.SignInAsync(_gb, "sup")).PostAsJsonAsync($"/api/cases/{Case}/messages",
            new { peer = "nl-politie", text = "one suspect", recordIds = new[] { "g-suspect" }, purpose = Purpose });
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        await _gb.DrainAsync(TimeSpan.FromSeconds(20));
        var path = $"/api/entities/{Uri.EscapeDataString("gb-nca/g-suspect")}?purpose={Purpose}";

        var copy = await (await CaseNodes.SignInAsync(_nl, "desk")).GetAsync(path);
        var oversight = await (await CaseNodes.SignInAsync(_nl, "dpo")).GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, copy.StatusCode);
        var body = await copy.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("gb-nca/g-suspect", body.GetProperty("id").GetString());
        Assert.Equal("gb-nca", body.GetProperty("originNode").GetString());
        Assert.Equal("peer:gb-nca", body.GetProperty("provenance").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, oversight.StatusCode);
    }
}
