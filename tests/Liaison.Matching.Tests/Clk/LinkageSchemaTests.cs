using Liaison.Matching.Clk;

namespace Liaison.Matching.Tests.Clk;

public sealed class LinkageSchemaTests
{
    [Fact]
    public void Built_in_febrl_schema_loads_with_1024_bit_filters()
    {
        var schema = LinkageSchema.FebrlPerson;

        Assert.Equal(1024, schema.FilterBits);
        Assert.Contains(schema.Fields, f => f.Name == "surname" && f.Kind == FieldKind.Name && f.BitsPerFeature == 200);
        Assert.NotEmpty(schema.Blocking);
    }

    [Fact]
    public void Schema_round_trips_through_json_with_the_same_fingerprint()
    {
        var schema = LinkageSchema.FebrlPerson;

        var again = LinkageSchema.Parse(schema.ToJson(), "round trip");

        Assert.Equal(schema.Fingerprint, again.Fingerprint);
    }

    [Fact]
    public void Changing_a_weight_changes_the_fingerprint()
    {
        var schema = LinkageSchema.FebrlPerson;
        var heavier = schema with { Fields = [.. schema.Fields.Select(f => f.Name == "surname" ? f with { BitsPerFeature = 300 } : f)] };

        Assert.NotEqual(schema.Fingerprint, heavier.Fingerprint);
    }

    [Theory]
    [InlineData("""{"version":1,"filterBits":1000,"fields":[{"name":"a","bitsPerToken":2}]}""", "filterBits")]
    [InlineData("""{"version":1,"fields":[{"name":"a"}]}""", "a")]
    [InlineData("""{"version":1,"fields":[{"name":"a","bitsPerToken":2,"bitsPerFeature":100}]}""", "a")]
    [InlineData("""{"version":1,"fields":[{"name":"a","bitsPerToken":2,"kind":"date","orderInsensitive":true}]}""", "a")]
    [InlineData("""{"version":1,"fields":[{"name":"a","bitsPerToken":2}],"blocking":[{"name":"p","parts":["soundex(b)"]}]}""", "blocking.p")]
    [InlineData("""{"version":1,"fields":[{"name":"a","bitsPerToken":2}],"blocking":[{"name":"p","parts":["metaphone(a)"]}]}""", "blocking.p")]
    [InlineData("""{"version":2,"fields":[{"name":"a","bitsPerToken":2}]}""", "version")]
    [InlineData("""{"version":1,"fields":[{"name":"a","bitsPerToken":2,"weight":3}]}""", "$.fields[0].weight")]
    public void Invalid_schema_names_the_field_at_fault(string json, string field)
    {
        var e = Assert.Throws<InvalidLinkageSchemaException>(() => LinkageSchema.Parse(json, "test.json"));

        Assert.Equal(field, e.Field);
        Assert.Equal("test.json", e.SchemaSource);
    }
}
