using System.Net.Http.Json;
using System.Text.Json;
using Liaison.Scenarios;
using Spectre.Console;

namespace Liaison.Cli.Demo;

/// <summary>
/// The whole cross-border case on loopback: three agencies (GB, NL, US) each run a node with their
/// part of a trafficking investigation, and a US service provider's compliance team runs a fourth. The
/// demo walks through what each pillar does, using the nodes' HTTP APIs as their users would, printing
/// what happened and checking the outcome against the scenario's ground truth. One file per group of
/// steps: Setup, Policy, HitNoHit, Analysis, CaseMessaging, ProviderRequest, Oversight.
/// </summary>
internal sealed partial class CrossBorderDemo(string root, IAnsiConsole console)
{
    /// <summary>Every request and read in the demo is for this purpose.</summary>
    private const string Purpose = "criminal-investigation";

    private readonly Scenario _scenario = new ScenarioGenerator().Generate();
    private readonly List<DemoNode> _nodes = [];
    private int _failures;

    private DemoNode Gb => _nodes[0];
    private DemoNode Nl => _nodes[1];
    private DemoNode Us => _nodes[2];
    private DemoNode Provider => _nodes[3];
    private string GbCase => _scenario.Nodes[0].CaseId;

    public async Task<int> RunAsync(CancellationToken ct)
    {
        console.Write(new Rule("[bold]Liaison demo: a cross-border trafficking case[/]").LeftJustified());
        console.MarkupLine($"Working folder: [grey]{Markup.Escape(root)}[/]");

        await StepAsync("1. Each agency runs its own node and imports its case data; a US provider runs one too", () => SetUpAsync(ct));
        await StepAsync("2. An investigator searches their own case by a phone number in any format", () => SearchAsync(ct));
        await StepAsync("3. The policy engine refuses what the law does not allow, and says which rule", () => RefusalsAsync(ct));
        await StepAsync("4. Hit/no-hit: GB asks NL which of its phones NL also holds, learning nothing else", () => HitNoHitAsync(ct));
        await StepAsync("5. An analyst finds the ring's key players in the call-detail records", () => KeyPlayersAsync(ct));
        await StepAsync("6. Case messaging: GB writes to NL with records; NL's read-only copies follow GB's update and withdrawal", () => CaseMessagingAsync(ct));
        await StepAsync("7. A legal request: GB asks the US provider for the leader's subscriber data and call records (CLOUD Act)", () => ProviderRequestAsync(ct));
        await StepAsync("8. A request the instrument does not cover is refused with its reason, and nothing is sent", () => RequestRefusalAsync(ct));
        await StepAsync("9. Oversight: request statistics without case content, and every node's tamper-evident ledger verified", () => OversightAsync(ct));

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

    /// <summary>A JSON answer, or, for a failed call, the problem printed and a failed check.</summary>
    private async Task<JsonElement?> OkAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            console.MarkupLine($"  [red]{(int)response.StatusCode}[/] {Markup.Escape(text.Length > 400 ? text[..400] : text)}");
            Check(false, what);
            return null;
        }
        return text.Length == 0 ? default(JsonElement) : JsonDocument.Parse(text).RootElement.Clone();
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

    private static string Marking(JsonElement e) =>
        $"[{TlpColour(e.GetProperty("tlp").GetString()!)}]{e.GetProperty("tlp").GetString()}[/] {Markup.Escape(e.GetProperty("handling").GetString()!)}";

    private static string Time(DateTimeOffset at) => at.ToString("HH:mm:ss.fff", System.Globalization.CultureInfo.InvariantCulture);

    public async Task StopAsync()
    {
        foreach (var node in _nodes)
        {
            await node.DisposeAsync();
        }
    }
}
