using System.Text.Json.Serialization;

namespace Liaison.Ledger.Storage;

/// <summary>Source-generated JSON for the small side files of a file store and an export.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(StoredCosignature))]
internal sealed partial class LedgerJson : JsonSerializerContext;
