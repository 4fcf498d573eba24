namespace Liaison.Storage.Evidence;

/// <summary>
/// An evidence file coming into a case: where it came from (<see cref="ReceivedFrom"/> — an agency,
/// a provider, a person — or, when null, collected by this agency itself), its name, media type and
/// marking, and who brings it in for which purpose.
/// </summary>
public sealed record EvidenceIntake
{
    public required string CaseId { get; init; }
    public required string Actor { get; init; }
    public required string FileName { get; init; }
    public string MediaType { get; init; } = "application/octet-stream";
    public string Tlp { get; init; } = "TLP:AMBER";
    public string? Purpose { get; init; }

    /// <summary>The counterparty it was received from; null when this agency collected it.</summary>
    public string? ReceivedFrom { get; init; }
    public string? Location { get; init; }
    public string? Note { get; init; }
}
