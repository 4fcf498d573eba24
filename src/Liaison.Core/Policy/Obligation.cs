using System.Text.Json.Serialization;
using Liaison.Core.Markings;
using Liaison.Core.Model;

namespace Liaison.Core.Policy;

/// <summary>
/// Something the node must do to the data before a permitted release goes out. Obligations are plain
/// values so that the ledger journals exactly what was imposed; <see cref="Release.RecordRelease"/>
/// carries them out.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(PseudonymiseSubjects), "pseudonymise")]
[JsonDerivedType(typeof(RedactProperties), "redact")]
[JsonDerivedType(typeof(StripAttachments), "strip-attachments")]
[JsonDerivedType(typeof(AddHandling), "add-handling")]
[JsonDerivedType(typeof(RaiseTlp), "raise-tlp")]
public abstract record Obligation;

/// <summary>
/// Replace the identifying values of records about these subjects (victims, minors, witnesses,
/// informants) with keyed pseudonyms that are stable per recipient.
/// </summary>
public sealed record PseudonymiseSubjects(
    [property: JsonConverter(typeof(JsonStringEnumConverter<SubjectCategories>))] SubjectCategories Subjects) : Obligation;

/// <summary>Remove these properties from the outbound copy.</summary>
public sealed record RedactProperties(IReadOnlyList<string> Properties) : Obligation
{
    public bool Equals(RedactProperties? other) => other is not null && Properties.SequenceEqual(other.Properties, StringComparer.Ordinal);

    public override int GetHashCode() => Properties.Aggregate(0, (h, p) => HashCode.Combine(h, StringComparer.Ordinal.GetHashCode(p)));
}

/// <summary>Remove the properties that carry or point at attached files.</summary>
public sealed record StripAttachments(IReadOnlyList<string> Properties) : Obligation
{
    public bool Equals(StripAttachments? other) => other is not null && Properties.SequenceEqual(other.Properties, StringComparer.Ordinal);

    public override int GetHashCode() => Properties.Aggregate(0, (h, p) => HashCode.Combine(h, StringComparer.Ordinal.GetHashCode(p)));
}

/// <summary>Add handling codes (and the H3 restriction text) to the outbound copy; existing codes stay.</summary>
public sealed record AddHandling(
    [property: JsonConverter(typeof(JsonStringEnumConverter<HandlingCodes>))] HandlingCodes Codes,
    string? Restriction = null) : Obligation;

/// <summary>Mark the outbound copy at least this TLP; a narrower TLP already on the record stays.</summary>
public sealed record RaiseTlp(
    [property: JsonConverter(typeof(JsonStringEnumConverter<Tlp>))] Tlp AtLeast) : Obligation;
