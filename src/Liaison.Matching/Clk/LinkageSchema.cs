using System.Numerics;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Liaison.Matching.Clk;

/// <summary>
/// What every node encodes and how (the JSON that parties agree on with the shared secret, like a clkhash
/// linkage schema): filter length, hardening, the fields with their n-grams and weights, blocking passes.
/// Two CLK files are comparable only when their <see cref="Fingerprint"/>s agree.
/// </summary>
public sealed record LinkageSchema
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    /// <summary>Length of the finished filter in bits (a power of two, 64 to 8192); 1024 as in clkhash.</summary>
    public int FilterBits { get; init; } = 1024;

    public Hardening Hardening { get; init; } = Hardening.None;

    /// <summary>HKDF salt: lets one secret serve several unrelated linkage projects.</summary>
    public string KdfSalt { get; init; } = "liaison-clk-v1";

    public required IReadOnlyList<FieldSpec> Fields { get; init; }

    public IReadOnlyList<BlockingPass> Blocking { get; init; } = [];

    internal static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>The built-in person schema for FEBRL-style columns (see Clk/Schemas/febrl-person.json).</summary>
    public static LinkageSchema FebrlPerson { get; } = LoadEmbedded("febrl-person.json");

    /// <summary>SHA-256 of the schema's canonical JSON, first 16 hex digits: the same schema on both sides.</summary>
    [JsonIgnore]
    public string Fingerprint => Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(this, Json)))[..16];

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static LinkageSchema Load(string path) => Parse(File.ReadAllText(path), path);

    public static LinkageSchema Parse(string json, string source)
    {
        LinkageSchema? schema;
        try
        {
            schema = JsonSerializer.Deserialize<LinkageSchema>(json, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidLinkageSchemaException(source, e.Path ?? "$", e.Message);
        }
        if (schema is null)
        {
            throw new InvalidLinkageSchemaException(source, "$", "empty schema");
        }
        schema.Validate(source);
        return schema;
    }

    public void Validate(string source)
    {
        if (Version != CurrentVersion)
        {
            throw new InvalidLinkageSchemaException(source, "version", $"version {Version} is not supported (expected {CurrentVersion})");
        }
        if (FilterBits is < 64 or > 8192 || !BitOperations.IsPow2(FilterBits))
        {
            throw new InvalidLinkageSchemaException(source, "filterBits", "must be a power of two from 64 to 8192");
        }
        if (Fields is null || Fields.Count == 0)
        {
            throw new InvalidLinkageSchemaException(source, "fields", "at least one field is needed");
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in Fields)
        {
            if (string.IsNullOrWhiteSpace(field.Name) || !names.Add(field.Name))
            {
                throw new InvalidLinkageSchemaException(source, "fields", $"field name '{field.Name}' is empty or repeated");
            }
            if (field.Ngram is < 1 or > 4)
            {
                throw new InvalidLinkageSchemaException(source, field.Name, "ngram must be 1 to 4");
            }
            if ((field.BitsPerFeature is null) == (field.BitsPerToken is null))
            {
                throw new InvalidLinkageSchemaException(source, field.Name, "set exactly one of bitsPerFeature and bitsPerToken");
            }
            if (field.BitsPerFeature is < 1 or > 8192 || field.BitsPerToken is < 1 or > 64)
            {
                throw new InvalidLinkageSchemaException(source, field.Name, "bitsPerFeature must be 1–8192 and bitsPerToken 1–64");
            }
            if (field.OrderInsensitive && field.Kind is not (FieldKind.Name or FieldKind.Text))
            {
                throw new InvalidLinkageSchemaException(source, field.Name, "orderInsensitive applies to name and text fields only");
            }
        }
        var passes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pass in Blocking ?? [])
        {
            if (string.IsNullOrWhiteSpace(pass.Name) || !passes.Add(pass.Name) || pass.Parts is null || pass.Parts.Count == 0)
            {
                throw new InvalidLinkageSchemaException(source, "blocking", $"pass '{pass.Name}' needs a unique name and at least one part");
            }
            foreach (var part in pass.Parts)
            {
                if (!BlockingKeys.TryParsePart(part, out _, out var fields, out var reason))
                {
                    throw new InvalidLinkageSchemaException(source, $"blocking.{pass.Name}", reason);
                }
                foreach (var field in fields.Where(f => !names.Contains(f)))
                {
                    throw new InvalidLinkageSchemaException(source, $"blocking.{pass.Name}", $"'{field}' is not a field of the schema");
                }
            }
        }
    }

    private static LinkageSchema LoadEmbedded(string name)
    {
        using var stream = typeof(LinkageSchema).Assembly.GetManifestResourceStream("Liaison.Matching.Clk.Schemas." + name)
            ?? throw new InvalidOperationException($"embedded schema {name} is missing from the build");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "built-in " + name);
    }
}
