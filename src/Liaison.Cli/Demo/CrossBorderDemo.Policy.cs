using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Spectre.Console;

namespace Liaison.Cli.Demo;

internal sealed partial class CrossBorderDemo
{
    private async Task SearchAsync(CancellationToken ct)
    {
        var client = await Gb.SignInAsync("investigator", ct);
        var phone = _scenario.SharedPhones[0];
        var local = "00" + phone[1..];
        var hits = await client.GetFromJsonAsync<JsonElement>($"/api/entities?q={Uri.EscapeDataString(local)}&caseId={GbCase}&purpose={Purpose}", ct);
        console.MarkupLine($"Search for [blue]{local}[/] in {GbCase}: {hits.GetArrayLength()} records");
        foreach (var hit in hits.EnumerateArray())
        {
            console.MarkupLine($"  {hit.GetProperty("schema").GetString(),-8} {Markup.Escape(hit.GetProperty("caption").GetString()!),-28} {Marking(hit)} grade {hit.GetProperty("grading").GetString()}");
        }
        Check(hits.GetArrayLength() >= 2, "the leader's phone is found on the person and the phone record");
    }

    private async Task RefusalsAsync(CancellationToken ct)
    {
        var investigator = await Gb.SignInAsync("investigator", ct);
        var noPurpose = await investigator.GetAsync($"/api/entities/gb-p-ion-popescu", ct);
        console.MarkupLine($"Read without a purpose → {(int)noPurpose.StatusCode} ({await Rule(noPurpose, ct)})");
        Check(noPurpose.StatusCode == HttpStatusCode.Forbidden, "a read without a purpose is refused");
        var dpo = await Gb.SignInAsync("dpo", ct);
        var dpoRead = await dpo.GetAsync($"/api/entities/gb-p-ion-popescu?purpose={Purpose}", ct);
        console.MarkupLine($"The data-protection officer reads case content → {(int)dpoRead.StatusCode} ({await Rule(dpoRead, ct)})");
        Check(dpoRead.StatusCode == HttpStatusCode.Forbidden, "oversight never reads case content");
        var nlInvestigator = await Nl.SignInAsync("investigator", ct);
        var foreign = await nlInvestigator.GetAsync($"/api/entities/nl-p-0001?purpose={Purpose}", ct);
        console.MarkupLine($"A member of the NL case reads its suspect → {(int)foreign.StatusCode}");
        Check(foreign.StatusCode == HttpStatusCode.OK, "need-to-know permits a case member");
    }
}
