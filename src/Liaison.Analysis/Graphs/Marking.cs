using Liaison.Core.Markings;
using Liaison.Core.Model;

namespace Liaison.Analysis.Graphs;

/// <summary>
/// The TLP and handling codes that travel with a node, an edge and every analysis result. A result
/// derived from several records carries the narrowest marking of all of them, because a score
/// computed from RED data reveals something about RED data.
/// </summary>
public sealed record Marking(Tlp Tlp, Handling Handling)
{
    /// <summary>The envelope defaults: TLP:AMBER, H0 (law-enforcement use only).</summary>
    public static readonly Marking Default = new(Tlp.Amber, Handling.LawEnforcementOnly);

    public static Marking Of(RecordEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return new Marking(envelope.Tlp, envelope.Handling);
    }

    /// <summary>The narrower of the two: the larger TLP and the union of handling restrictions.</summary>
    public Marking Narrow(Marking other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (ReferenceEquals(this, other) || Equals(other))
        {
            return this;
        }
        return new Marking(TlpExtensions.Narrowest(Tlp, other.Tlp), Handling.Narrow(other.Handling));
    }

    public override string ToString() => $"{Tlp.ToLabel()} {Handling}";
}
