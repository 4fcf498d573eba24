using Liaison.Core.Markings;
using Liaison.Core.Model;

namespace Liaison.Exchange.Cases;

/// <summary>
/// Markings only narrow when data moves. A record sent in a message takes the narrower TLP of its
/// own and the message's, and the union of both handling codes (with both restriction texts);
/// nothing a hop does can widen them. The envelope header carries the narrowest marking over the
/// message and all its records.
/// </summary>
public static class MarkingsOnForward
{
    public static RecordEnvelope Narrow(RecordEnvelope record, Tlp messageTlp, Handling messageHandling)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(messageHandling);
        return record with
        {
            Tlp = TlpExtensions.Narrowest(record.Tlp, messageTlp),
            Handling = record.Handling.Narrow(messageHandling),
        };
    }

    /// <summary>The marking for the envelope header: the narrowest over the message and every record in it.</summary>
    public static (Tlp Tlp, Handling Handling) Overall(Tlp messageTlp, Handling messageHandling, IEnumerable<RecordEnvelope> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var tlp = messageTlp;
        var handling = messageHandling;
        foreach (var r in records)
        {
            tlp = TlpExtensions.Narrowest(tlp, r.Tlp);
            handling = handling.Narrow(r.Handling);
        }
        return (tlp, handling);
    }
}
