using System.Net.Http.Json;
using System.Text.Json;
using Liaison.Scenarios;
using Spectre.Console;

namespace Liaison.Cli.Demo;

internal sealed partial class CrossBorderDemo
{
    private async Task HitNoHitAsync(CancellationToken ct)
    {
        var investigator = await Gb.SignInAsync("investigator", ct);
        var response = await investigator.PostAsJsonAsync($"/api/cases/{GbCase}/hit-no-hit",
            new { peer = Nl.Config.NodeId, purpose = Purpose, kinds = new[] { "phone" } }, ct);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        if (!response.IsSuccessStatusCode)
        {
            console.MarkupLine($"[red]{(int)response.StatusCode}[/] {Markup.Escape(result.ToString())}");
            Check(false, "GB → NL hit/no-hit runs");
            return;
        }
        var hits = result.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("value").GetString()!).ToList();
        console.MarkupLine($"GB asked about {result.GetProperty("asked").GetInt32()} phones; NL holds {hits.Count} of them:");
        foreach (var hit in hits)
        {
            console.MarkupLine($"  [blue]{hit}[/]");
        }
        // Ground truth: every phone both agencies' records carry (persons, phones, ads).
        static HashSet<string> Phones(ScenarioNode n) => n.Records.SelectMany(r => r.Values("phone").Concat(r.Values("number"))).ToHashSet(StringComparer.Ordinal);
        var both = Phones(_scenario.Nodes[0]);
        both.IntersectWith(Phones(_scenario.Nodes[1]));
        Check(hits.All(both.Contains), $"every hit is a phone both agencies hold ({both.Count} in common; NL's policy withholds phones known only from victims' or RED records)");
        Check(hits.Contains(_scenario.SharedPhones[0]) && hits.Contains(_scenario.SharedPhones[1]), "the ring leader's and the recruiter's phones are hits");

        var usInvestigator = await Us.SignInAsync("investigator", ct);
        var fromUs = await usInvestigator.PostAsJsonAsync($"/api/cases/{_scenario.Nodes[2].CaseId}/hit-no-hit",
            new { peer = Nl.Config.NodeId, purpose = Purpose, kinds = new[] { "phone" } }, ct);
        var usResult = await fromUs.Content.ReadFromJsonAsync<JsonElement>(ct);
        console.MarkupLine($"US → NL (EU → US transfer under the Umbrella Agreement rule): {(int)fromUs.StatusCode}, {(fromUs.IsSuccessStatusCode ? usResult.GetProperty("hits").GetArrayLength() + " hit(s)" : Markup.Escape(usResult.ToString()))}");
        Check(fromUs.IsSuccessStatusCode, "a US query to NL is answered under the Umbrella Agreement rule");

        var noBasis = await investigator.PostAsJsonAsync($"/api/cases/{GbCase}/hit-no-hit",
            new { peer = Nl.Config.NodeId, purpose = "intelligence-analysis", kinds = new[] { "phone" } }, ct);
        console.MarkupLine($"GB → NL for 'intelligence-analysis': {(int)noBasis.StatusCode} ({Markup.Escape(await Rule(noBasis, ct))})");
        Check(!noBasis.IsSuccessStatusCode, "NL's policy refuses a purpose no rule covers");
    }
}
