using Liaison.Core.Markings;
using Liaison.Core.Model;

namespace Liaison.Core.Policy;

/// <summary>The distribution markings a record travels with: its TLP and its handling codes.</summary>
public sealed record Marking(Tlp Tlp, Handling Handling)
{
    public static Marking Of(RecordEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return new Marking(envelope.Tlp, envelope.Handling);
    }

    /// <summary>True when this marking is at least as narrow as <paramref name="other"/>: no wider TLP, no code dropped.</summary>
    public bool IsAtLeastAsNarrowAs(Marking other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return Tlp >= other.Tlp && (Handling.Codes & other.Handling.Codes) == other.Handling.Codes;
    }
}
