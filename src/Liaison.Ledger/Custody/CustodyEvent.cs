using Liaison.Ledger.Entries;

namespace Liaison.Ledger.Custody;

/// <summary>
/// One chain-of-custody step, shaped after a CASE/UCO provenance action: who (<see cref="Actor"/>,
/// <c>uco-action:performer</c>) did what (<see cref="Action"/>) to which item (<see cref="Item"/>, the
/// <c>uco-action:object</c>, a file identified by its SHA-256 <c>uco-types:Hash</c>), with whom
/// (<see cref="Counterparty"/>, <c>uco-action:participant</c>), where (<see cref="Location"/>), when
/// (<see cref="Time"/>, <c>uco-action:startTime</c>), for which case and purpose. Journalled as a
/// <see cref="LedgerEventType.Custody"/> ledger entry.
/// </summary>
public sealed record CustodyEvent
{
    private const string ItemKey = "item";
    private const string CounterpartyKey = "counterparty";
    private const string LocationKey = "location";
    private const string NoteKey = "note";

    public required string Item { get; init; }
    public required CustodyAction Action { get; init; }
    public required string Actor { get; init; }
    public required DateTimeOffset Time { get; init; }
    public string? Counterparty { get; init; }
    public string? Location { get; init; }
    public string? Case { get; init; }
    public string? Purpose { get; init; }
    public string? Note { get; init; }

    /// <summary>The ledger event that journals this step: decision = the action, subjects = [item].</summary>
    public LedgerEvent ToLedgerEvent()
    {
        var item = EvidenceDigest.Normalise(Item);
        var detail = new Dictionary<string, string>(StringComparer.Ordinal) { [ItemKey] = item };
        if (Counterparty is not null)
        {
            detail[CounterpartyKey] = Counterparty;
        }
        if (Location is not null)
        {
            detail[LocationKey] = Location;
        }
        if (Note is not null)
        {
            detail[NoteKey] = Note;
        }
        return new LedgerEvent
        {
            Type = LedgerEventType.Custody,
            Actor = Actor,
            Case = Case,
            Purpose = Purpose,
            Subjects = [item],
            Decision = Action.WireName(),
            Time = Time,
            Detail = detail,
        };
    }

    /// <summary>Reads a custody step back from a ledger event; null when the event is not a well-formed custody step.</summary>
    public static CustodyEvent? FromLedgerEvent(LedgerEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Type != LedgerEventType.Custody || !CustodyActions.TryParse(e.Decision, out var action)
            || !e.Detail.TryGetValue(ItemKey, out var item))
        {
            return null;
        }
        return new CustodyEvent
        {
            Item = item,
            Action = action,
            Actor = e.Actor,
            Time = e.Time,
            Counterparty = e.Detail.GetValueOrDefault(CounterpartyKey),
            Location = e.Detail.GetValueOrDefault(LocationKey),
            Case = e.Case,
            Purpose = e.Purpose,
            Note = e.Detail.GetValueOrDefault(NoteKey),
        };
    }
}
