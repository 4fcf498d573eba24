using Liaison.Core.Markings;
using Liaison.Core.Model;

namespace Liaison.Core.Policy;

/// <summary>
/// How markings change when data moves: they only narrow. The outbound TLP is the narrowest of the
/// record's and any the rule imposes, and handling codes are the union, so no hop can widen
/// distribution or drop a restriction (the MISP "distribution never widens" invariant).
/// </summary>
public static class MarkingPropagation
{
    /// <summary>The marking a copy carries after a share that imposes <paramref name="imposed"/>.</summary>
    public static Marking OnShare(Marking current, Marking imposed)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(imposed);
        return new Marking(TlpExtensions.Narrowest(current.Tlp, imposed.Tlp), current.Handling.Narrow(imposed.Handling));
    }

    /// <summary>The marking after a share whose obligations raise the TLP or add handling codes.</summary>
    public static Marking OnShare(Marking current, IEnumerable<Obligation> obligations)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(obligations);
        var marking = current;
        foreach (var obligation in obligations)
        {
            marking = obligation switch
            {
                RaiseTlp raise => OnShare(marking, new Marking(raise.AtLeast, new Handling(HandlingCodes.None))),
                AddHandling add => OnShare(marking, new Marking(Tlp.Clear, new Handling(add.Codes, add.Restriction))),
                _ => marking,
            };
        }
        return marking;
    }

    /// <summary>The envelope of the outbound copy: same origin and case, narrowed markings.</summary>
    public static RecordEnvelope OnShare(RecordEnvelope envelope, IEnumerable<Obligation> obligations)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var marking = OnShare(Marking.Of(envelope), obligations);
        return envelope with { Tlp = marking.Tlp, Handling = marking.Handling };
    }

    /// <summary>
    /// The marking to keep when a copy comes back or arrives again: never wider than what this node
    /// already holds, whatever the sender claims.
    /// </summary>
    public static Marking OnReceipt(Marking held, Marking declared) => OnShare(held, declared);
}
