using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Liaison.Core.Markings;
using Liaison.Scenarios;
using Liaison.Storage.Import;
using Spectre.Console;

namespace Liaison.Cli.Demo;

/// <summary>
/// The whole cross-border case on loopback: three agencies (GB, NL, US) each run a node with their
/// part of a trafficking investigation, and the demo walks through what each pillar does, printing
/// what happened and checking the outcome against the scenario's ground truth.
/// </summary>
internal sealed class CrossBorderDemo(string root, IAnsiConsole console)
{
    private readonly List<DemoNode> _nodes = [];
    private int _failures;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var scenario = new ScenarioGenerator().Generate();
        console.Write(new Rule("[bold]Liaison demo: a cross-border trafficking case[/]").LeftJustified());
        console.MarkupLine($"Working folder: [grey]{Markup.Escape(root)}[/]");

        await StepAsync("1. Each agency runs its own node and imports its case data", async () =>
        {
            var table = new Table().AddColumns("node", "case", "records", "calls", "listening on");
            var configs = new List<(Liaison.Storage.Nodes.NodeConfig Config, int Port, Liaison.Exchange.Identity.NodeIdentity Identity)>();
            foreach (var part in scenario.Nodes)
            {
                var config = await DemoNode.CreateAsync(root, part.NodeId, part.Agency, part.Jurisdiction, part.CaseId, ct);
                ScenarioWriter.Write(new Scenario { Nodes = [part], SharedPhones = [], RingLeaders = [], RingPhones = [] }, Path.Combine(root, "input"));
                var import = new ImportService(config, TimeProvider.System);
                var folder = Path.Combine(root, "input", part.NodeId);
                var records = await import.ImportFileAsync(Path.Combine(folder, "case.ftm.jsonl"), new ImportOptions { CaseId = part.CaseId, ImportedBy = "investigator" }, ct);
                var calls = await import.ImportFileAsync(Path.Combine(folder, "cdr.csv"), new ImportOptions { CaseId = part.CaseId, ImportedBy = "investigator" }, ct);
                var port = DemoNode.FreePort();
                configs.Add((config, port, DemoNode.CreateIdentity(config, port)));
                table.AddRow(part.NodeId, part.CaseId, records.Accepted.ToString(System.Globalization.CultureInfo.InvariantCulture), calls.Accepted.ToString(System.Globalization.CultureInfo.InvariantCulture), $"http://127.0.0.1:{port}/");
            }
            // On-boarding: each agency adds the others' signed descriptors (in real life after checking fingerprints by phone).
            foreach (var a in configs)
            {
                foreach (var b in configs.Where(b => b.Config.NodeId != a.Config.NodeId))
                {
                    await new Liaison.Exchange.Peers.PeerOnboarding(new Liaison.Exchange.Peers.FilePeerDirectory(a.Config.Directory), a.Config.NodeId, TimeProvider.System)
                        .AddAsync(b.Identity.ExportDescriptor(), ct);
                }
            }
            foreach (var (config, port, identity) in configs)
            {
                identity.Dispose();
                _nodes.Add(await DemoNode.StartAsync(config, port, ct));
            }
            console.Write(table);
            console.MarkupLine("Each node has a signing and an encryption key pair and knows the other two by their signed descriptors.");
        });

        await StepAsync("2. An investigator searches their own case by a phone number in any format", async () =>
        {
            var gb = _nodes[0];
            var client = await gb.SignInAsync("investigator", ct);
            var phone = scenario.SharedPhones[0];
            var local = "00" + phone[1..];
            var hits = await client.GetFromJsonAsync<JsonElement>($"/api/entities?q={Uri.EscapeDataString(local)}&caseId={scenario.Nodes[0].CaseId}&purpose=criminal-investigation", ct);
            console.MarkupLine($"Search for [blue]{local}[/] in {scenario.Nodes[0].CaseId}: {hits.GetArrayLength()} records");
            foreach (var hit in hits.EnumerateArray())
            {
                console.MarkupLine($"  {hit.GetProperty("schema").GetString(),-8} {Markup.Escape(hit.GetProperty("caption").GetString()!),-28} [{TlpColour(hit.GetProperty("tlp").GetString()!)}]{hit.GetProperty("tlp").GetString()}[/] {hit.GetProperty("handling").GetString()} grade {hit.GetProperty("grading").GetString()}");
            }
            Check(hits.GetArrayLength() >= 2, "the leader's phone is found on the person and the phone record");
        });

        await StepAsync("3. The policy engine refuses what the law does not allow, and says which rule", async () =>
        {
            var gb = _nodes[0];
            var investigator = await gb.SignInAsync("investigator", ct);
            var noPurpose = await investigator.GetAsync($"/api/entities/gb-p-ion-popescu", ct);
            console.MarkupLine($"Read without a purpose → {(int)noPurpose.StatusCode} ({await Rule(noPurpose, ct)})");
            Check(noPurpose.StatusCode == HttpStatusCode.Forbidden, "a read without a purpose is refused");
            var dpo = await gb.SignInAsync("dpo", ct);
            var dpoRead = await dpo.GetAsync($"/api/entities/gb-p-ion-popescu?purpose=criminal-investigation", ct);
            console.MarkupLine($"The data-protection officer reads case content → {(int)dpoRead.StatusCode} ({await Rule(dpoRead, ct)})");
            Check(dpoRead.StatusCode == HttpStatusCode.Forbidden, "oversight never reads case content");
            var nl = _nodes[1];
            var nlInvestigator = await nl.SignInAsync("investigator", ct);
            var foreign = await nlInvestigator.GetAsync($"/api/entities/nl-p-0001?purpose=criminal-investigation", ct);
            console.MarkupLine($"A member of the NL case reads its suspect → {(int)foreign.StatusCode}");
            Check(foreign.StatusCode == HttpStatusCode.OK, "need-to-know permits a case member");
        });

        await StepAsync("4. Every decision is in each node's tamper-evident ledger; oversight verifies it", async () =>
        {
            foreach (var node in _nodes)
            {
                var dpo = await node.SignInAsync("dpo", ct);
                var result = await (await dpo.PostAsync("/api/ledger/verify", null, ct)).Content.ReadFromJsonAsync<JsonElement>(ct);
                var intact = result.GetProperty("intact").GetBoolean();
                console.MarkupLine($"{node.Config.NodeId}: {(intact ? "[green]intact[/]" : "[red]NOT intact[/]")}, {result.GetProperty("entries").GetInt64()} entries, {result.GetProperty("checkpoints").GetInt64()} signed checkpoints");
                Check(intact, $"{node.Config.NodeId}'s ledger verifies");
            }
        });

        await StepAsync("5. Hit/no-hit: GB asks NL which of its phones NL also holds, learning nothing else", async () =>
        {
            var (gb, nl, us) = (_nodes[0], _nodes[1], _nodes[2]);
            var investigator = await gb.SignInAsync("investigator", ct);
            var response = await investigator.PostAsJsonAsync($"/api/cases/{scenario.Nodes[0].CaseId}/hit-no-hit",
                new { peer = nl.Config.NodeId, purpose = "criminal-investigation", kinds = new[] { "phone" } }, ct);
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
            var both = Phones(scenario.Nodes[0]);
            both.IntersectWith(Phones(scenario.Nodes[1]));
            Check(hits.All(both.Contains), $"every hit is a phone both agencies hold ({both.Count} in common; NL's policy withholds phones known only from victims' or RED records)");
            Check(hits.Contains(scenario.SharedPhones[0]) && hits.Contains(scenario.SharedPhones[1]), "the ring leader's and the recruiter's phones are hits");

            var usInvestigator = await us.SignInAsync("investigator", ct);
            var fromUs = await usInvestigator.PostAsJsonAsync($"/api/cases/{scenario.Nodes[2].CaseId}/hit-no-hit",
                new { peer = nl.Config.NodeId, purpose = "criminal-investigation", kinds = new[] { "phone" } }, ct);
            var usResult = await fromUs.Content.ReadFromJsonAsync<JsonElement>(ct);
            console.MarkupLine($"US → NL (EU → US transfer under the Umbrella Agreement rule): {(int)fromUs.StatusCode}, {(fromUs.IsSuccessStatusCode ? usResult.GetProperty("hits").GetArrayLength() + " hit(s)" : Markup.Escape(usResult.ToString()))}");
            Check(fromUs.IsSuccessStatusCode, "a US query to NL is answered under the Umbrella Agreement rule");

            var noBasis = await investigator.PostAsJsonAsync($"/api/cases/{scenario.Nodes[0].CaseId}/hit-no-hit",
                new { peer = nl.Config.NodeId, purpose = "intelligence-analysis", kinds = new[] { "phone" } }, ct);
            console.MarkupLine($"GB → NL for 'intelligence-analysis': {(int)noBasis.StatusCode} ({Markup.Escape(await Rule(noBasis, ct))})");
            Check(!noBasis.IsSuccessStatusCode, "NL's policy refuses a purpose no rule covers");
        });

        await StepAsync("6. An analyst finds the ring's key players in the call-detail records", async () =>
        {
            var gb = _nodes[0];
            await using var db = Liaison.Storage.LiaisonDbFactory.Create(gb.Config);
            var records = new List<Liaison.Core.Model.EntityRecord>();
            await foreach (var r in Liaison.Storage.Records.CaseRecords.ReadAsync(db, scenario.Nodes[0].CaseId, Liaison.Core.Policy.Retention.RetentionDay.Today(TimeProvider.System), ct))
            {
                records.Add(r);
            }
            var report = Liaison.Analysis.Cases.CaseGraphAnalysis.Run(records);
            console.MarkupLine($"{report.Graph.NodeCount} entities, {report.Graph.EdgeCount} links, {report.Communities.Communities.Count} communities, modularity {report.Modularity:0.000}; results marked [{TlpColour(report.Marking.Tlp.ToLabel())}]{Markup.Escape(report.Marking.ToString())}[/]");
            var ringDigits = scenario.RingPhones.Select(p => p.TrimStart('+')).ToHashSet(StringComparer.Ordinal);
            var top = report.KeyPlayers(5).ToList();
            foreach (var player in top)
            {
                var inRing = ringDigits.Any(d => player.Id.EndsWith(d, StringComparison.Ordinal));
                console.MarkupLine($"  {Markup.Escape(player.Id),-28} PageRank {player.PageRank:0.0000}  community {player.Community}{(inRing ? "  [red]ring phone[/]" : "")}");
            }
            Check(top.Count(p => ringDigits.Any(d => p.Id.EndsWith(d, StringComparison.Ordinal))) >= 3, "at least three of the five key players are the planted ring's phones");
        });

        console.Write(new Rule(_failures == 0 ? "[green]demo finished: every check passed[/]" : $"[red]demo finished with {_failures} failed check(s)[/]").LeftJustified());
        return _failures == 0 ? 0 : 1;
    }

    private async Task StepAsync(string title, Func<Task> step)
    {
        console.WriteLine();
        console.MarkupLine($"[bold yellow]{Markup.Escape(title)}[/]");
        await step();
    }

    private void Check(bool ok, string what)
    {
        console.MarkupLine(ok ? $"  [green]✓[/] {Markup.Escape(what)}" : $"  [red]✗ {Markup.Escape(what)}[/]");
        if (!ok)
        {
            _failures++;
        }
    }

    private static async Task<string> Rule(HttpResponseMessage response, CancellationToken ct)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
        return body.TryGetProperty("peerRule", out var pr) ? "peer's rule " + pr.GetString()
            : body.TryGetProperty("rule", out var r) ? "rule " + r.GetString() : body.TryGetProperty("title", out var t) ? t.GetString()! : "";
    }

    private static string TlpColour(string tlp) => tlp switch
    {
        "TLP:RED" => "red",
        "TLP:AMBER" or "TLP:AMBER+STRICT" => "orange1",
        "TLP:GREEN" => "green",
        _ => "white",
    };

    public async Task StopAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }
}
