namespace Liaison.Matching.Clk;

/// <summary>A linkage schema that cannot be used: names the schema source, the field (or setting) and the reason.</summary>
public sealed class InvalidLinkageSchemaException(string source, string field, string reason)
    : Exception($"linkage schema {source}: {field}: {reason}")
{
    public string SchemaSource { get; } = source;

    public string Field { get; } = field;

    public string Reason { get; } = reason;
}
