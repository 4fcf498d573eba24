using Liaison.Core.Markings;
using Liaison.Core.Model;

namespace Liaison.Interchange;

/// <summary>
/// What an import knows that the file may not say: the case, who imports, the node's agency, and
/// default markings. A record's own envelope fields (FtM "liaison" block) take precedence.
/// </summary>
public sealed record ImportContext
{
    public required string FileName { get; init; }
    public required string CaseId { get; init; }
    public required string Agency { get; init; }
    public required string NodeId { get; init; }
    public required string ImportedBy { get; init; }
    public required DateTimeOffset ImportedAt { get; init; }
    public string LegalBasis { get; init; } = "national criminal procedure (collected by the importing agency)";
    public Tlp Tlp { get; init; } = Tlp.Amber;
    public Handling Handling { get; init; } = Handling.LawEnforcementOnly;
    public Grading Grading { get; init; } = Grading.Unassessed;

    public RecordEnvelope DefaultEnvelope(long line) => new()
    {
        OriginAgency = Agency,
        OriginNode = NodeId,
        CaseId = CaseId,
        Tlp = Tlp,
        Handling = Handling,
        Grading = Grading,
        LegalBasis = LegalBasis,
        Provenance = new Provenance("file:" + FileName, ImportedAt, ImportedBy, "line " + line),
    };
}
