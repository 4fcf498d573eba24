using System.Text.Json;

namespace Liaison.Core.Policy;

/// <summary>The serializer settings for decisions, so that the node, the ledger and tests agree byte for byte.</summary>
public static class PolicyJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
    };
}
