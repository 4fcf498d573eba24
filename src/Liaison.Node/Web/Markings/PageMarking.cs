using Liaison.Core.Markings;

namespace Liaison.Node.Web.Markings;

/// <summary>
/// The marking of a whole screen: the narrowest TLP and every handling code among the records it
/// shows, printed in a banner at the top like the classification line of a paper document.
/// </summary>
public sealed record PageMarking(Tlp Tlp, HandlingCodes Handling)
{
    public static PageMarking Of(IEnumerable<(int Tlp, int Handling)> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var tlp = Core.Markings.Tlp.Clear;
        var handling = HandlingCodes.None;
        foreach (var (t, h) in records)
        {
            tlp = TlpExtensions.Narrowest(tlp, (Tlp)t);
            handling |= (HandlingCodes)h;
        }
        return new PageMarking(tlp, handling);
    }

    public string Text => Handling == HandlingCodes.None ? Tlp.ToLabel() : $"{Tlp.ToLabel()} · {new Handling(Handling)}";
}
