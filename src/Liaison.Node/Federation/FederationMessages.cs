using System.Text.Json;
using System.Text.Json.Serialization;

namespace Liaison.Node.Federation;

/// <summary>
/// The message types and media type of node-to-node hit/no-hit, and the one JSON shape of their
/// payloads (camelCase, enums as camelCase strings, byte arrays as base64).
/// </summary>
public static class FederationMessages
{
    /// <summary>Querier → holder: a signed <see cref="PsiMatchRequest"/>.</summary>
    public const string PsiQueryType = "psi.query";

    /// <summary>Holder → querier: a signed <see cref="PsiMatchReply"/>.</summary>
    public const string PsiResponseType = "psi.response";

    /// <summary>RFC 7515/7516 media type of a compact JOSE serialisation.</summary>
    public const string JoseMediaType = "application/jose";

    /// <summary>Where a holder answers, relative to the endpoint in its descriptor.</summary>
    public const string PsiPath = "federation/psi";

    /// <summary>
    /// The life a querier gives its query, and the longest the holder accepts: a query is answered at
    /// once or not at all, and the short life bounds how long the in-memory replay cache must remember it.
    /// </summary>
    public static readonly TimeSpan QueryLifetime = TimeSpan.FromMinutes(5);

    /// <summary>The longest lifetime a holder accepts on a <c>psi.query</c>.</summary>
    public static readonly TimeSpan MaxQueryLifetime = TimeSpan.FromMinutes(15);

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
