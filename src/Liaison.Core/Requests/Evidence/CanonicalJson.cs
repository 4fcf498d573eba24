using System.Globalization;
using System.Text;

namespace Liaison.Core.Requests.Evidence;

/// <summary>
/// Canonical JSON for the values a manifest holds (objects, arrays, strings, integers), following the
/// JSON Canonicalization Scheme (RFC 8785): no whitespace, object members sorted by their UTF-16 code
/// units, strings escaped only where JSON requires it (\" \\ and control characters, with the short forms
/// \b \f \n \r \t and lower-case \u00xx otherwise), UTF-8 output. The same manifest always gives the same
/// bytes, in any implementation of RFC 8785, so a signature over them can be checked anywhere.
/// </summary>
internal static class CanonicalJson
{
    public static byte[] Serialise(object value)
    {
        var sb = new StringBuilder();
        Write(sb, value);
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static void Write(StringBuilder sb, object value)
    {
        switch (value)
        {
            case string s:
                WriteString(sb, s);
                break;
            case long or int:
                sb.Append(Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                break;
            case IReadOnlyDictionary<string, object> obj:
                sb.Append('{');
                var first = true;
                foreach (var key in obj.Keys.Order(StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }
                    first = false;
                    WriteString(sb, key);
                    sb.Append(':');
                    Write(sb, obj[key]);
                }
                sb.Append('}');
                break;
            case IEnumerable<object> list:
                sb.Append('[');
                var firstItem = true;
                foreach (var item in list)
                {
                    if (!firstItem)
                    {
                        sb.Append(',');
                    }
                    firstItem = false;
                    Write(sb, item);
                }
                sb.Append(']');
                break;
            default:
                throw new ArgumentException($"Canonical JSON here holds strings, integers, objects and arrays, not {value.GetType().Name}.", nameof(value));
        }
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                sb.Append(c).Append(s[++i]);
                continue;
            }
            if (char.IsSurrogate(c))
            {
                // RFC 8785 §3.2.2.2: lone surrogates cannot be represented in UTF-8.
                throw new ArgumentException("A string holds a lone UTF-16 surrogate, which canonical JSON cannot represent.", nameof(s));
            }
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case < ' ': sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }
        sb.Append('"');
    }
}
