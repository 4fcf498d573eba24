using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Liaison.Ledger.Entries;

/// <summary>
/// The one byte form of a <see cref="LedgerEvent"/> that is hashed into the log: canonical JSON in the
/// spirit of RFC 8785 (JCS) — UTF-8, no whitespace, object keys in ordinal order, strings escaped only
/// where JSON requires it (<c>"</c>, <c>\</c>, control characters; <c>\b \f \n \r \t</c>, else
/// <c>\u00xx</c> lower-case), no numbers (the version and the time are strings so there is no float
/// formatting to agree on), absent optional fields omitted rather than null, subjects sorted and
/// de-duplicated. Decoding accepts only that exact form (it re-encodes and compares), so one event has
/// exactly one encoding and an edited byte cannot hide behind an equivalent spelling.
/// <code>{"actor":"user:ana","case":"C-1","decision":"allow","detail":{"peer":"nl"},"purpose":"art-6",
/// "rule":"share.tlp-amber","subjects":["r1","r2"],"time":"2026-01-02T03:04:05.0000000Z","type":"share","v":"1"}</code>
/// </summary>
public static class CanonicalEntryEncoding
{
    /// <summary>The encoding version written in the <c>v</c> field.</summary>
    public const string Version = "1";

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Encodes an event (throws <see cref="ArgumentException"/> on text that is not valid Unicode).</summary>
    public static byte[] Encode(LedgerEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var sb = new StringBuilder(256);
        sb.Append('{');
        // Keys are written in ordinal order: actor, case, decision, detail, purpose, rule, subjects, time, type, v.
        Member(sb, "actor", e.Actor, first: true);
        Member(sb, "case", e.Case);
        Member(sb, "decision", e.Decision);
        if (e.Detail.Count > 0)
        {
            sb.Append(",\"detail\":{");
            var first = true;
            foreach (var key in e.Detail.Keys.Order(StringComparer.Ordinal))
            {
                Member(sb, key, e.Detail[key], first);
                first = false;
            }
            sb.Append('}');
        }
        Member(sb, "purpose", e.Purpose);
        Member(sb, "rule", e.Rule);
        var subjects = e.Subjects.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (subjects.Count > 0)
        {
            sb.Append(",\"subjects\":[");
            for (var i = 0; i < subjects.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(',');
                }
                String(sb, subjects[i]);
            }
            sb.Append(']');
        }
        Member(sb, "time", e.Time.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture));
        Member(sb, "type", e.Type.WireName());
        Member(sb, "v", Version);
        sb.Append('}');
        try
        {
            return StrictUtf8.GetBytes(sb.ToString());
        }
        catch (EncoderFallbackException ex)
        {
            throw new ArgumentException("A ledger event field is not valid Unicode text.", nameof(e), ex);
        }
    }

    /// <summary>Decodes canonical bytes; anything else throws <see cref="MalformedEntryException"/>.</summary>
    public static LedgerEvent Decode(ReadOnlySpan<byte> payload)
    {
        LedgerEvent e;
        try
        {
            e = Parse(payload);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException or KeyNotFoundException or ArgumentException)
        {
            throw new MalformedEntryException("not a ledger entry: " + ex.Message, ex);
        }
        if (!payload.SequenceEqual(Encode(e)))
        {
            throw new MalformedEntryException("the entry is not in canonical form");
        }
        return e;
    }

    private static LedgerEvent Parse(ReadOnlySpan<byte> payload)
    {
        using var doc = JsonDocument.Parse(payload.ToArray());
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("the entry is not a JSON object");
        }
        if (root.GetProperty("v").GetString() != Version)
        {
            throw new FormatException("unknown entry version");
        }
        var typeName = root.GetProperty("type").GetString()!;
        if (!LedgerEventTypes.TryParse(typeName, out var type))
        {
            throw new FormatException($"unknown event type '{typeName}'");
        }
        var detail = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root.TryGetProperty("detail", out var d))
        {
            foreach (var p in d.EnumerateObject())
            {
                detail[p.Name] = p.Value.GetString()!;
            }
        }
        var subjects = root.TryGetProperty("subjects", out var s) ? s.EnumerateArray().Select(x => x.GetString()!).ToList() : [];
        var time = DateTime.ParseExact(root.GetProperty("time").GetString()!, TimeFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        return new LedgerEvent
        {
            Type = type,
            Actor = root.GetProperty("actor").GetString()!,
            Case = Optional(root, "case"),
            Purpose = Optional(root, "purpose"),
            Decision = Optional(root, "decision"),
            Rule = Optional(root, "rule"),
            Subjects = subjects,
            Time = new DateTimeOffset(time, TimeSpan.Zero),
            Detail = detail,
        };
    }

    private static string? Optional(JsonElement root, string name) => root.TryGetProperty(name, out var v) ? v.GetString() : null;

    private static void Member(StringBuilder sb, string name, string? value, bool first = false)
    {
        if (value is null)
        {
            return;
        }
        if (!first)
        {
            sb.Append(',');
        }
        String(sb, name);
        sb.Append(':');
        String(sb, value);
    }

    private static void String(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case < ' ': sb.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }
        sb.Append('"');
    }
}
