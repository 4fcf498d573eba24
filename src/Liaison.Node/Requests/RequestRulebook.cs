using Liaison.Core.Requests.Deadlines;
using Liaison.Core.Requests.Validation;
using Liaison.Core.Requests.Workflow;
using Liaison.Storage.Nodes;

namespace Liaison.Node.Requests;

/// <summary>The node's request rules, workflow and deadline monitor, built once from <see cref="RequestsSettings"/>.</summary>
public sealed class RequestRulebook
{
    public RequestRulebook(NodeConfig node, RequestsSettings settings, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Node = node;
        Settings = settings;
        var instruments = RequestRules.Default.Instruments;
        foreach (var (instrument, setting) in settings.Deadlines)
        {
            var profile = instruments[instrument];
            instruments = instruments.With(profile with { Deadlines = profile.Deadlines with { Response = setting.Response, ExpiryGrace = setting.ExpiryGrace } });
        }
        Rules = RequestRules.Default with { Instruments = instruments };
        Workflow = new RequestWorkflow(Rules, clock);
        Monitor = new DeadlineMonitor(Rules, clock);
    }

    public NodeConfig Node { get; }
    public RequestsSettings Settings { get; }
    public RequestRules Rules { get; }
    public RequestWorkflow Workflow { get; }
    public DeadlineMonitor Monitor { get; }

    public bool IsProvider => Settings.Provider is not null;
}
