using FsCheck.Xunit;
using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Exchange.Cases;

namespace Liaison.Exchange.Tests.Cases;

/// <summary>Markings never widen on a hop, whatever the record's and the message's markings and however many hops.</summary>
public sealed class MarkingsNarrowProperties
{
    private static RecordEnvelope Envelope(Tlp tlp, HandlingCodes codes) => new()
    {
        OriginAgency = "A", OriginNode = "a-node", CaseId = "C", Tlp = tlp, Handling = new Handling(codes),
        LegalBasis = "L", Provenance = new Provenance("manual", DateTimeOffset.UnixEpoch, "u"),
    };

    private static Tlp ToTlp(byte b) => (Tlp)(b % 5);

    private static HandlingCodes ToCodes(byte b) => (HandlingCodes)(b % 16);

    [Property(MaxTest = 500)]
    public bool Forwarding_never_widens_tlp_nor_drops_a_handling_code(byte recordTlp, byte recordCodes, byte[] hops)
    {
        var original = Envelope(ToTlp(recordTlp), ToCodes(recordCodes));
        var current = original;
        foreach (var hop in hops ?? [])
        {
            var before = current;
            current = MarkingsOnForward.Narrow(current, ToTlp(hop), new Handling(ToCodes((byte)(hop >> 3))));
            if (current.Tlp < before.Tlp || (current.Handling.Codes & before.Handling.Codes) != before.Handling.Codes
                || current.Tlp < ToTlp(hop) || (current.Handling.Codes & ToCodes((byte)(hop >> 3))) != ToCodes((byte)(hop >> 3)))
            {
                return false;
            }
        }
        return current.Tlp >= original.Tlp && (current.Handling.Codes & original.Handling.Codes) == original.Handling.Codes;
    }

    [Property(MaxTest = 300)]
    public bool Markings_survive_the_wire_form_unchanged(byte tlp, byte codes, bool restricted)
    {
        var envelope = Envelope(ToTlp(tlp), ToCodes(codes)) with
        {
            Handling = new Handling(ToCodes(codes), restricted ? "no onward sharing outside EU" : null),
        };
        var record = new EntityRecord("r1", "Phone", new Dictionary<string, List<string>> { ["number"] = ["+1"] }, envelope);

        var back = SharedRecord.From(record, 1).ToEnvelope();

        return back.Tlp == envelope.Tlp && back.Handling == envelope.Handling && back.Grading == envelope.Grading;
    }

    [Property(MaxTest = 300)]
    public bool Envelope_header_marking_is_at_least_as_narrow_as_every_record(byte messageTlp, byte[] recordTlps)
    {
        var records = (recordTlps ?? []).Select(t => Envelope(ToTlp(t), ToCodes(t))).ToList();

        var (tlp, handling) = MarkingsOnForward.Overall(ToTlp(messageTlp), Handling.LawEnforcementOnly, records);

        return tlp >= ToTlp(messageTlp) && records.All(r => tlp >= r.Tlp && (handling.Codes & r.Handling.Codes) == r.Handling.Codes);
    }
}
