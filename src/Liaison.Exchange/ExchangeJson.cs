using System.Text.Json;
using System.Text.Json.Serialization;

namespace Liaison.Exchange;

/// <summary>The one JSON shape of everything the exchange signs or stores: camelCase, enums as camelCase strings.</summary>
internal static class ExchangeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>For files people read (descriptors, peers): indented, and '+' in offsets not escaped as \u002B.</summary>
    public static readonly JsonSerializerOptions Indented = new(Options)
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
