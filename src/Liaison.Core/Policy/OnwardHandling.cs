using Liaison.Core.Markings;
using Liaison.Core.Model;

namespace Liaison.Core.Policy;

/// <summary>
/// What the originator's handling codes say about passing a received record on to a third agency,
/// checked after the share decision (which already keeps TLP:RED and AMBER+STRICT from going onward).
/// H0 and H2 travel with the record (the next agency is bound by them as this one is). H1 — not for
/// judicial proceedings without the originator's permission — may be passed on, but not for a judicial
/// purpose (<see cref="JudicialPurposes"/>): that is the permission only the originator can give. H3 —
/// other restrictions in free text, which no machine reads — is never passed on by a node that did not
/// originate it; the liaison officer asks the originator to share it directly.
/// </summary>
public static class OnwardHandling
{
    /// <summary>Rule id when an H1 record would be passed on for a judicial purpose.</summary>
    public const string H1NoJudicialUse = "h1-no-judicial-use-onward";

    /// <summary>Rule id when an H3 record would be passed on by a node that did not originate it.</summary>
    public const string H3OriginatorOnly = "h3-originator-only";

    /// <summary>The shipped policy's purposes that lead to judicial proceedings.</summary>
    public static readonly IReadOnlySet<string> JudicialPurposes = new HashSet<string>(["prosecution"], StringComparer.Ordinal);

    /// <summary>The refusal for passing <paramref name="record"/> (received from another agency) on for <paramref name="purpose"/>, or null when its handling codes allow it.</summary>
    public static PolicyDecision? Refusal(EntityRecord record, string? purpose)
    {
        ArgumentNullException.ThrowIfNull(record);
        var codes = record.Envelope.Handling.Codes;
        if (codes.HasFlag(HandlingCodes.H3))
        {
            return PolicyDecision.Deny(H3OriginatorOnly,
                $"record '{record.Id}' carries H3 restrictions of {record.Envelope.OriginAgency}; only the originator may pass it on");
        }
        if (codes.HasFlag(HandlingCodes.H1) && purpose is not null && JudicialPurposes.Contains(purpose))
        {
            return PolicyDecision.Deny(H1NoJudicialUse,
                $"record '{record.Id}' is H1: passing it on for '{purpose}' needs the permission of {record.Envelope.OriginAgency}");
        }
        return null;
    }
}
