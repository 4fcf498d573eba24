using System.Text.Json;
using Liaison.Core.Markings;

namespace Liaison.Exchange.Envelopes;

/// <summary>
/// The routing and marking fields of a message. They are written into the protected header of the
/// inner JWS (signed by the sender) and again into the protected header of the outer JWE (readable
/// for routing without decryption, authenticated by the AEAD tag); the receiver requires both copies
/// to be equal. Header names are Liaison's own, chosen not to collide with any registered JOSE name.
/// </summary>
/// <param name="MessageId">Unique per sender; UUIDv7 when we make it.</param>
/// <param name="Sender">Node id of the sender.</param>
/// <param name="Recipient">Node id of the recipient.</param>
/// <param name="Created">When the sender sealed it (whole seconds).</param>
/// <param name="Expires">After this the message is refused and forgotten by the replay cache.</param>
/// <param name="Type">What the payload is, e.g. "case.message", "record.withdraw", "receipt".</param>
/// <param name="CaseReference">The case it belongs to, if any.</param>
/// <param name="Handling">Handling codes (H0–H3); H3's restriction text travels in the payload, not here.</param>
/// <param name="Tlp">Traffic Light Protocol marking of the whole message.</param>
public sealed record EnvelopeHeader(
    string MessageId, string Sender, string Recipient, DateTimeOffset Created, DateTimeOffset Expires,
    string Type, string? CaseReference, HandlingCodes Handling, Tlp Tlp)
{
    internal const string MessageIdName = "msg_id";
    internal const string SenderName = "sender";
    internal const string RecipientName = "recipient";
    internal const string CreatedName = "created";
    internal const string ExpiresName = "expires";
    internal const string TypeName = "msg_type";
    internal const string CaseName = "case_ref";
    internal const string HandlingName = "handling";
    internal const string TlpName = "tlp";

    internal void WriteTo(IDictionary<string, object> header)
    {
        header[MessageIdName] = MessageId;
        header[SenderName] = Sender;
        header[RecipientName] = Recipient;
        header[CreatedName] = Created.ToUnixTimeSeconds();
        header[ExpiresName] = Expires.ToUnixTimeSeconds();
        header[TypeName] = Type;
        if (CaseReference is not null)
        {
            header[CaseName] = CaseReference;
        }
        header[HandlingName] = new Handling(Handling).ToString();
        header[TlpName] = Tlp.ToLabel();
    }

    /// <summary>Reads the fields back from a protected header; a missing or mistyped field is a <see cref="FormatException"/>.</summary>
    internal static EnvelopeHeader ReadFrom(JsonElement header)
    {
        string Required(string name) => header.String(name) is { Length: > 0 and <= 256 } s ? s : throw new FormatException($"header field {name} missing or too long");
        // Ids end up in logs and refusal messages before anything is authenticated: only a safe
        // alphabet, so a forged header can neither inject lines nor smuggle personal data into them.
        string Id(string name) => IsSafeId(Required(name)) ? header.String(name)! : throw new FormatException($"header field {name} has characters outside [A-Za-z0-9._:-]");
        DateTimeOffset Time(string name) =>
            header.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var s)
            && s is > 0 and < 253402300800
                ? DateTimeOffset.FromUnixTimeSeconds(s)
                : throw new FormatException($"header field {name} is not a NumericDate");
        var handlingText = Required(HandlingName);
        var handling = handlingText == "none" ? HandlingCodes.None
            : Core.Markings.Handling.TryParse(handlingText, null, out var h) ? h.Codes : throw new FormatException("handling is not H0-H3");
        if (!TlpExtensions.TryParse(Required(TlpName), out var tlp))
        {
            throw new FormatException("tlp is not a TLP 2.0 label");
        }
        var caseRef = header.String(CaseName);
        if (caseRef is { Length: > 256 })
        {
            throw new FormatException("case_ref is too long");
        }
        return new EnvelopeHeader(Id(MessageIdName), Id(SenderName), Id(RecipientName), Time(CreatedName),
            Time(ExpiresName), Id(TypeName), caseRef, handling, tlp);
    }

    internal static bool IsSafeId(string value) =>
        value.Length is > 0 and <= 128 && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or ':' or '-');
}
