using Liaison.Core.Markings;

namespace Liaison.Core.Model;

/// <summary>
/// What every record carries wherever it goes: who originated it, in which case, how it may be
/// handled, how reliable it is, whom it concerns, under which law it was collected and until when it may be kept.
/// </summary>
public sealed record RecordEnvelope
{
    public required string OriginAgency { get; init; }
    public required string OriginNode { get; init; }
    public required string CaseId { get; init; }
    public Tlp Tlp { get; init; } = Tlp.Amber;
    public Handling Handling { get; init; } = Handling.LawEnforcementOnly;
    public Grading Grading { get; init; } = Grading.Unassessed;
    public SubjectCategories Subjects { get; init; }
    public required string LegalBasis { get; init; }
    /// <summary>The date by which the record must be reviewed for continued retention (LED art. 5).</summary>
    public DateOnly? ReviewDate { get; init; }
    public required Provenance Provenance { get; init; }
}
