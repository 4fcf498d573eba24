using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spectre.Console;

namespace Liaison.Cli.Demo;

internal sealed partial class CrossBorderDemo
{
    /// <summary>
    /// A CLOUD Act request stating a maximum penalty under three years: the agreement covers serious crime only,
    /// so the validator refuses it at submission and at approval, and it never reaches the outbox.
    /// </summary>
    private async Task RequestRefusalAsync(CancellationToken ct)
    {
        var holdings = new ProviderHoldings(_scenario);
        var draft = await OkAsync(await (await Gb.SignInAsync("investigator", ct)).PostAsJsonAsync("/api/requests", CloudActDraft(holdings.Target, maximumPenaltyYears: 2), ct),
            "a draft may be incomplete or wrong", ct);
        if (draft is not { } d)
        {
            return;
        }
        var id = d.GetProperty("id").GetString()!;
        var approve = await ActAsync(await Gb.SignInAsync("supervisor", ct), id, "approve", null, ct);
        var problem = await approve.Content.ReadFromJsonAsync<JsonElement>(ct);
        console.MarkupLine($"Request [blue]{id}[/] (stated maximum penalty: 2 years): the supervisor's approval → {(int)approve.StatusCode} {Markup.Escape(problem.TryGetProperty("title", out var t) ? t.GetString()! : "")}");
        var errors = problem.TryGetProperty("errors", out var e) ? e.EnumerateArray().ToList() : [];
        foreach (var error in errors)
        {
            console.MarkupLine($"  {Markup.Escape(error.GetProperty("field").GetString()!)}: {Markup.Escape(error.GetProperty("reason").GetString()!)} [grey](ground {error.GetProperty("ground").GetString()})[/]");
        }
        Check(approve.StatusCode == HttpStatusCode.UnprocessableEntity && errors.Any(x => x.GetProperty("ground").GetString() == "NotSeriousCrime"),
            "the approval is refused: not a serious crime under the agreement");
        Check(await StateAtGbAsync(id, ct) == "Draft", "the request stays a draft at GB");
        var outbox = await (await Gb.SignInAsync("admin", ct)).GetFromJsonAsync<JsonElement>("/api/exchange/outbox", ct);
        var providerInbox = await (await Provider.SignInAsync("provider-compliance", ct)).GetFromJsonAsync<JsonElement>($"/api/requests?purpose={Purpose}", ct);
        Check(outbox.EnumerateArray().All(m => m.GetProperty("caseReference").GetString() != id) && providerInbox.GetArrayLength() == 1,
            "nothing was sent: GB's outbox holds no message for it and the provider's inbox holds only the first request");
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private async Task OversightAsync(CancellationToken ct)
    {
        foreach (var (node, side) in new[] { (Gb, "sent"), (Provider, "received") })
        {
            var dpo = await node.SignInAsync("dpo", ct);
            var json = await dpo.GetStringAsync("/api/requests/statistics", ct);
            var stats = JsonDocument.Parse(json).RootElement;
            console.MarkupLine($"{node.Config.NodeId}'s data-protection officer reads the statistics of requests {side}:");
            foreach (var row in stats.GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("requests").GetInt32() > 0 && r.GetProperty("dimension").GetString() != "total"))
            {
                var median = row.TryGetProperty("medianHoursToFulfil", out var m) && m.ValueKind == JsonValueKind.Number ? $", median {m.GetDouble() * 3600:0.0} s" : "";
                console.MarkupLine($"  {row.GetProperty("dimension").GetString(),-22} {row.GetProperty("key").GetString(),-14} {Count(row.GetProperty("requests").GetInt32(), "request")}, {row.GetProperty("fulfilled").GetInt32()} fulfilled{median}");
            }
            Check(!json.Contains(new ProviderHoldings(_scenario).Target[1..], StringComparison.Ordinal) && !json.Contains(GbCase, StringComparison.Ordinal),
                $"{node.Config.NodeId}'s statistics carry no target, case or request id");
            var content = await dpo.GetAsync($"/api/requests?purpose={Purpose}", ct);
            var listed = content.IsSuccessStatusCode ? (await content.Content.ReadFromJsonAsync<JsonElement>(ct)).GetArrayLength() : 0;
            Check(listed == 0, $"{node.Config.NodeId}'s DPO sees no request itself ({(int)content.StatusCode}, {listed} listed)");
        }
        foreach (var node in _nodes)
        {
            var dpo = await node.SignInAsync("dpo", ct);
            var result = await (await dpo.PostAsync("/api/ledger/verify", null, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
            var intact = result.GetProperty("intact").GetBoolean();
            console.MarkupLine($"{node.Config.NodeId}: {(intact ? "[green]intact[/]" : "[red]NOT intact[/]")}, {result.GetProperty("entries").GetInt64()} entries, {result.GetProperty("checkpoints").GetInt64()} signed checkpoints");
            Check(intact, $"{node.Config.NodeId}'s ledger verifies");
        }
    }
}
