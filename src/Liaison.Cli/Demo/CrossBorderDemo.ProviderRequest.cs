using System.Net.Http.Json;
using System.Text.Json;
using Spectre.Console;

namespace Liaison.Cli.Demo;

internal sealed partial class CrossBorderDemo
{
    private async Task ProviderRequestAsync(CancellationToken ct)
    {
        var holdings = new ProviderHoldings(_scenario);
        var analyst = await Gb.SignInAsync("analyst", ct);
        var before = await OkAsync(await analyst.GetAsync($"/api/cases/{GbCase}/analysis?purpose={Purpose}", ct), "GB's case network before the request", ct);

        // Drafted, approved by a supervisor, validated by the designated authority (the agreement's art. 5), sent by the liaison officer.
        var draft = await OkAsync(await (await Gb.SignInAsync("investigator", ct)).PostAsJsonAsync("/api/requests", CloudActDraft(holdings.Target, maximumPenaltyYears: 99), ct),
            "GB's investigator drafts the request", ct);
        if (draft is not { } d)
        {
            return;
        }
        var id = d.GetProperty("id").GetString()!;
        console.MarkupLine($"Request [blue]{id}[/]: traffic and subscriber data of [blue]{holdings.Target}[/] (the ring leader's phone) from {ProviderHoldings.From:yyyy-MM-dd} to {ProviderHoldings.To:yyyy-MM-dd}, under the US–UK Data Access Agreement");
        foreach (var (user, action) in new[] { ("supervisor", "approve"), ("designated-authority", "approve"), ("liaison-officer", "send") })
        {
            var step = await OkAsync(await ActAsync(await Gb.SignInAsync(user, ct), id, action, null, ct), $"{user} can {action}", ct);
            console.MarkupLine($"  {user,-21} {action,-8} → {(step is { } s ? s.GetProperty("state").GetString() : "?")}");
        }

        // The provider's compliance officer finds it in the inbox, with the node's screening of instrument, authority and signature.
        var compliance = await Provider.SignInAsync("provider-compliance", ct);
        JsonElement? inbox = null;
        var arrived = await DemoWait.UntilAsync(async () =>
        {
            var r = await compliance.GetAsync($"/api/requests/{id}?purpose={Purpose}", ct);
            inbox = r.IsSuccessStatusCode ? await r.Content.ReadFromJsonAsync<JsonElement>(ct) : null;
            return inbox is not null;
        }, ct);
        Check(arrived, "the request reaches the provider's inbox");
        if (inbox is not { } view)
        {
            return;
        }
        // The screening lists the grounds found for refusal; a request without any has none to show.
        var grounds = view.TryGetProperty("screening", out var sc) ? sc.ValueKind == JsonValueKind.Array ? sc.GetArrayLength() : sc.ValueKind == JsonValueKind.Null ? 0 : -1 : 0;
        console.MarkupLine($"At {ProviderHoldings.NodeId}: {view.GetProperty("direction").GetString()} request from {view.GetProperty("request").GetProperty("requester").GetProperty("authorityId").GetString()}, " +
                           $"filed under [grey]{view.GetProperty("localCaseId").GetString()}[/], screening: {(grounds == 0 ? "[green]no objection[/]" : Markup.Escape(sc.ToString()))}");
        Check(grounds == 0, "the screening finds the instrument accepted, GB a recognised authority whose key signed it, and the request valid");

        await OkAsync(await ActAsync(compliance, id, "acknowledge", null, ct), "the provider acknowledges", ct);
        Check(await DemoWait.UntilAsync(async () => await StateAtGbAsync(id, ct) == "Acknowledged", ct), "GB sees the acknowledgement");
        var cdr = holdings.TargetCallsCsv();
        var fulfilled = await OkAsync(await compliance.PostAsJsonAsync($"/api/requests/{id}/respond", new
        {
            purpose = Purpose,
            outcome = "fulfil",
            files = new[]
            {
                new { name = "subscriber.json", mediaType = "application/json", content = Convert.ToBase64String(holdings.SubscriberJson()) },
                new { name = "cdr.csv", mediaType = "text/csv", content = Convert.ToBase64String(cdr) },
            },
        }, ct), "the provider fulfils with an evidence package", ct);
        console.MarkupLine($"The provider answers with subscriber data and {holdings.TargetCalls.Count} call records of the target in the period (of {holdings.Calls.Count} calls it holds) → {(fulfilled is { } f ? f.GetProperty("state").GetString() : "?")}");

        // GB verifies the signed manifest and every file, records custody and imports the call records into the case.
        var investigator = await Gb.SignInAsync("investigator", ct);
        JsonElement gbView = default;
        var imported = await DemoWait.UntilAsync(async () =>
        {
            gbView = await investigator.GetFromJsonAsync<JsonElement>($"/api/requests/{id}?purpose={Purpose}", ct);
            return gbView.GetProperty("packages").EnumerateArray().SelectMany(p => p.GetProperty("files").EnumerateArray()).Any(x => x.TryGetProperty("importId", out var i) && i.ValueKind == JsonValueKind.Number);
        }, ct);
        Check(imported, "GB receives the package and imports its call records");
        var package = gbView.GetProperty("packages").EnumerateArray().FirstOrDefault();
        if (package.ValueKind == JsonValueKind.Object)
        {
            console.MarkupLine($"Evidence package from {package.GetProperty("responder").GetString()}: manifest {package.GetProperty("manifestDigest").GetString()![..23]}…, signed by key {package.GetProperty("signatureKeyId").GetString()?[..12]}…, {(package.GetProperty("verified").GetBoolean() ? "[green]signature and every file verified[/]" : "[red]NOT verified[/]")}");
            foreach (var file in package.GetProperty("files").EnumerateArray())
            {
                var isImported = file.TryGetProperty("importId", out var import) && import.ValueKind == JsonValueKind.Number;
                console.MarkupLine($"  {file.GetProperty("name").GetString(),-16} {file.GetProperty("size").GetInt64(),7} bytes  sha256 {file.GetProperty("sha256").GetString()![..16]}…  {(isImported ? $"imported into {GbCase} (import {import.GetInt64()})" : "kept as evidence")}");
            }
            Check(package.GetProperty("verified").GetBoolean(), "GB verified the provider's signature on the manifest and each file's hash");
        }

        console.MarkupLine("The request's history at GB:");
        foreach (var h in gbView.GetProperty("request").GetProperty("history").EnumerateArray())
        {
            console.MarkupLine($"  {Time(h.GetProperty("at").GetDateTimeOffset())}  {h.GetProperty("action").GetString(),-12} → {h.GetProperty("to").GetString(),-19} by {h.GetProperty("actorRole").GetString()}");
        }
        Check(gbView.GetProperty("request").GetProperty("state").GetString() == "Fulfilled", "the request ends Fulfilled");

        var after = await OkAsync(await analyst.GetAsync($"/api/cases/{GbCase}/analysis?purpose={Purpose}", ct), "GB's case network after the import", ct);
        if (before is { } b && after is { } a)
        {
            var newNumbers = holdings.NumbersNewToGb();
            console.MarkupLine($"GB's case network: {b.GetProperty("records").GetInt32()} → {a.GetProperty("records").GetInt32()} records, {b.GetProperty("nodes").GetInt32()} → {a.GetProperty("nodes").GetInt32()} subjects, {b.GetProperty("edges").GetInt32()} → {a.GetProperty("edges").GetInt32()} links; marked {Marking(a.GetProperty("marking"))}");
            Check(a.GetProperty("records").GetInt32() >= b.GetProperty("records").GetInt32() + holdings.TargetCalls.Count, $"the {holdings.TargetCalls.Count} calls joined GB's case");
            Check(a.GetProperty("nodes").GetInt32() >= b.GetProperty("nodes").GetInt32() + newNumbers.Count, $"the {newNumbers.Count} numbers GB had never seen appear in its network");
        }
    }

    private async Task<string?> StateAtGbAsync(string id, CancellationToken ct)
    {
        var response = await (await Gb.SignInAsync("investigator", ct)).GetAsync($"/api/requests/{id}?purpose={Purpose}", ct);
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("request").GetProperty("state").GetString() : null;
    }

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, string id, string action, string? text, CancellationToken ct) =>
        client.PostAsJsonAsync($"/api/requests/{id}/{action}", new { purpose = Purpose, text }, ct);

    private object CloudActDraft(string target, int maximumPenaltyYears) => new
    {
        caseId = GbCase,
        purpose = Purpose,
        type = "TrafficData",
        instrument = "CloudActUsUk",
        offenceCode = "trafficking-in-human-beings",
        maximumPenaltyYears,
        targets = new[] { new { kind = "Phone", value = target, believedLocation = "GB", believedNationality = "RO" } },
        periodFrom = ProviderHoldings.From,
        periodTo = ProviderHoldings.To,
        categories = new[] { "SubscriberData", "TrafficData" },
        necessityStatement = "The phone is used by the suspected leader of a ring trafficking women from Romania and Ukraine into the UK; its subscriber and call data show who he directs and where, and no less intrusive source exists.",
        doNotNotifyUser = true,
        addresseeKind = "ServiceProvider",
        addresseeId = ProviderHoldings.NodeId,
        addresseeJurisdiction = "US",
        issuerName = _scenario.Nodes[0].Agency,
        issuerCapacity = "InvestigatingAuthority",
    };
}
