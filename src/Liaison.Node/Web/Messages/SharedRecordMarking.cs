using Liaison.Core.Markings;
using Liaison.Exchange.Cases;

namespace Liaison.Node.Web.Messages;

/// <summary>The marking a record travelled with, as TLP and handling codes the badges and page banner take.</summary>
internal static class SharedRecordMarking
{
    /// <summary>What every case message carries at least: the desk sends at TLP:AMBER and H0 (law enforcement only), never wider.</summary>
    public static readonly (int Tlp, int Handling) MessageFloor = ((int)Tlp.Amber, (int)HandlingCodes.H0);

    public static (int Tlp, int Handling) Of(SharedRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var tlp = TlpExtensions.TryParse(record.Tlp, out var t) ? t : Tlp.Red;
        var codes = record.Handling == "none" ? HandlingCodes.None
            : Handling.TryParse(record.Handling, record.HandlingRestriction, out var h) ? h.Codes : HandlingCodes.H3;
        return ((int)tlp, (int)codes);
    }
}
