using Liaison.Core.Requests;
using Liaison.Exchange.Identity;
using Liaison.Exchange.Peers;
using Liaison.Node.Requests;
using Liaison.Scenarios;
using Liaison.Storage.Import;
using Liaison.Storage.Nodes;
using Spectre.Console;
using static System.FormattableString;

namespace Liaison.Cli.Demo;

internal sealed partial class CrossBorderDemo
{
    private async Task SetUpAsync(CancellationToken ct)
    {
        var table = new Table().AddColumns("node", "case", "records", "calls", "listening on");
        var nodes = new List<(NodeConfig Config, int Port, NodeIdentity Identity)>();
        foreach (var part in _scenario.Nodes)
        {
            var config = await DemoNode.CreateAsync(root, part.NodeId, part.Agency, part.Jurisdiction, part.CaseId, ct);
            ScenarioWriter.Write(new Scenario { Nodes = [part], SharedPhones = [], RingLeaders = [], RingPhones = [] }, Path.Combine(root, "input"));
            var import = new ImportService(config, TimeProvider.System);
            var folder = Path.Combine(root, "input", part.NodeId);
            var records = await import.ImportFileAsync(Path.Combine(folder, "case.ftm.jsonl"), new ImportOptions { CaseId = part.CaseId, ImportedBy = "investigator" }, ct);
            var calls = await import.ImportFileAsync(Path.Combine(folder, "cdr.csv"), new ImportOptions { CaseId = part.CaseId, ImportedBy = "investigator" }, ct);
            var port = DemoNode.FreePort();
            nodes.Add((config, port, DemoNode.CreateIdentity(config, port)));
            table.AddRow(part.NodeId, part.CaseId, Invariant($"{records.Accepted}"), Invariant($"{calls.Accepted}"), $"http://127.0.0.1:{port}/");
        }

        // The provider's node: its compliance team answers requests under the CLOUD Act agreement from GB's
        // node only, and it holds the call records its network carried (the US part of the scenario).
        var holdings = new ProviderHoldings(_scenario);
        var provider = await DemoNode.CreateAsync(root, ProviderHoldings.NodeId, ProviderHoldings.Agency, "US", ProviderHoldings.CaseId, ct, DemoNode.ProviderRoles);
        RequestsSettings.Write(provider, new RequestsSettings
        {
            Provider = new ProviderSettings { AcceptedInstruments = [LegalInstrument.CloudActUsUk], Authorities = [_scenario.Nodes[0].NodeId] },
        });
        var held = await new ImportService(provider, TimeProvider.System).ImportAsync(() => new MemoryStream(holdings.AllCallsCsv()), "retained-cdr.csv",
            new ImportOptions { CaseId = ProviderHoldings.CaseId, ImportedBy = "provider-compliance" }, ct);
        var providerPort = DemoNode.FreePort();
        nodes.Add((provider, providerPort, DemoNode.CreateIdentity(provider, providerPort)));
        table.AddRow(ProviderHoldings.NodeId, ProviderHoldings.CaseId, "0", Invariant($"{held.Accepted}"), $"http://127.0.0.1:{providerPort}/");

        // On-boarding: each agency adds the others' signed descriptors (in real life after checking fingerprints
        // by phone); the provider and GB's node know each other, and the provider knows no other agency.
        foreach (var a in nodes)
        {
            foreach (var b in nodes.Where(b => b.Config.NodeId != a.Config.NodeId && Peered(a.Config.NodeId, b.Config.NodeId)))
            {
                await new PeerOnboarding(new FilePeerDirectory(a.Config.Directory), a.Config.NodeId, TimeProvider.System).AddAsync(b.Identity.ExportDescriptor(), ct);
            }
        }
        foreach (var (config, port, identity) in nodes)
        {
            identity.Dispose();
            _nodes.Add(await DemoNode.StartAsync(config, port, ct));
        }
        console.Write(table);
        console.MarkupLine($"{ProviderHoldings.NodeId} is run by {Markup.Escape(ProviderHoldings.Agency)}: it holds the call records its network carried.");
        console.MarkupLine("Each node has a signing and an encryption key pair and knows its peers by their signed descriptors.");
    }

    private bool Peered(string a, string b)
    {
        var gb = _scenario.Nodes[0].NodeId;
        return (a != ProviderHoldings.NodeId && b != ProviderHoldings.NodeId) || a == gb || b == gb;
    }
}
