using Liaison.Core.Requests.Deadlines;
using Liaison.Core.Requests.Validation;
using Liaison.Core.Requests.Workflow;
using Liaison.Storage.Nodes;

namespace Liaison.Node.Requests;

/// <summary>The node's request rules, workflow and deadline monitor, built once from <see cref="RequestsSettings"/>.</summary>
public sealed class RequestRulebook(NodeConfig node, RequestsSettings settings, TimeProvider clock)
{
    public NodeConfig Node { get; } = node;
    public RequestsSettings Settings { get; } = settings;
    public RequestRules Rules { get; } = RequestRules.Default;
    public RequestWorkflow Workflow { get; } = new(RequestRules.Default, clock);
    public DeadlineMonitor Monitor { get; } = new(RequestRules.Default, clock);

    public bool IsProvider => Settings.Provider is not null;
}
