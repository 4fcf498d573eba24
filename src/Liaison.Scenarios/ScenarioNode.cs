using Liaison.Core.Model;
using Liaison.Interchange.Csv;

namespace Liaison.Scenarios;

/// <summary>What one agency holds in the scenario: its records and its call-detail records.</summary>
public sealed class ScenarioNode(string nodeId, string agency, string jurisdiction, string caseId)
{
    public string NodeId { get; } = nodeId;
    public string Agency { get; } = agency;
    public string Jurisdiction { get; } = jurisdiction;
    public string CaseId { get; } = caseId;
    public List<EntityRecord> Records { get; } = [];
    public List<(string Caller, string Callee, DateTime Start, int Duration, string Cell)> Calls { get; } = [];
}

/// <summary>The generated case, and the ground truth that tests and the demo check results against.</summary>
public sealed class Scenario
{
    public required IReadOnlyList<ScenarioNode> Nodes { get; init; }
    /// <summary>Phones (E.164) held by more than one agency: what hit/no-hit must find.</summary>
    public required IReadOnlyList<string> SharedPhones { get; init; }
    /// <summary>The ids (per node) of the ring's organisers.</summary>
    public required IReadOnlyList<string> RingLeaders { get; init; }
    /// <summary>The ring's phone numbers (the planted CDR community).</summary>
    public required IReadOnlyList<string> RingPhones { get; init; }

    public static IReadOnlyList<CallDetailRecord> AsCalls(ScenarioNode node) =>
        node.Calls.Select(c => new CallDetailRecord(c.Caller, c.Callee, c.Start, c.Duration, c.Cell, null, null)).ToList();
}
