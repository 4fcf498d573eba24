using System.Text.Json;
using System.Text.Json.Serialization;
using Liaison.Core.Requests;

namespace Liaison.Storage.Requests;

/// <summary>
/// The JSON form of a <see cref="DataAccessRequest"/>, as stored in <see cref="RequestRow.Document"/> and
/// carried between nodes. Enums travel by name so that a reordered enum never changes a stored request.
/// </summary>
public static class RequestDocument
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static string Write(DataAccessRequest request) => JsonSerializer.Serialize(request, Options);

    /// <summary>Reads a request; a document that is not one is a <see cref="FormatException"/> naming what is wrong.</summary>
    public static DataAccessRequest Read(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<DataAccessRequest>(json, Options) ?? throw new FormatException("the request document is null");
        }
        catch (JsonException e)
        {
            throw new FormatException($"not a data-access request document: {e.Path}: {e.Message}", e);
        }
    }
}
