using Liaison.Core.Policy;
using Liaison.Core.Policy.Loading;

namespace Liaison.Core.Tests.Policy;

public class PolicyLoaderTests
{
    internal const string Minimal = """
        format: liaison-policy/1
        version: minimal-1
        purposes:
          - id: criminal-investigation
            description: Investigating an offence.
        data-categories:
          - id: identity
            schemata: [Person]
        instruments:
          - id: domestic
            name: Domestic law
        rules:
          - id: gb-domestic
            description: Inside the UK.
            from: [GB]
            to: [GB]
            instrument: domestic
            purposes: [criminal-investigation]
            categories: [identity]

        """;

    private static PolicyFileException Fails(string text) => Assert.Throws<PolicyFileException>(() => PolicyLoader.Compile(text, "bad.yaml"));

    [Fact]
    public void The_shipped_default_policy_loads()
    {
        var policy = PolicyTestData.Default;

        Assert.Equal("2025.1-default", policy.Version);
        Assert.Equal(27, policy.Jurisdictions.Members("EU").Count);
        Assert.Contains(policy.Rules, r => r.Id == "eu-to-us-umbrella" && r.Instrument.Id == "eu-us-umbrella-agreement");
        Assert.True(policy.Instruments["us-uk-cloud-act-daa"].SeriousCrimeOnly);
    }

    [Fact]
    public void An_unknown_key_is_an_error_naming_line_and_field()
    {
        var text = Minimal.Replace("    instrument: domestic\n", "    instrument: domestic\n    instrumnet: typo\n", StringComparison.Ordinal);

        var error = Assert.Single(Fails(text).Errors);

        Assert.Equal("bad.yaml", error.File);
        Assert.Equal(18, error.Line);
        Assert.Equal("rules[0].instrumnet", error.Field);
        Assert.Contains("unknown key", error.Reason, StringComparison.Ordinal);
        Assert.StartsWith("bad.yaml:18:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_to_an_unknown_purpose_names_the_item_and_its_line()
    {
        var text = Minimal.Replace("purposes: [criminal-investigation]", "purposes: [criminal-investigation, fishing]", StringComparison.Ordinal);

        var error = Assert.Single(Fails(text).Errors);

        Assert.Equal("rules[0].purposes[1]", error.Field);
        Assert.Equal(18, error.Line);
        Assert.Equal("unknown purpose 'fishing'", error.Reason);
    }

    [Fact]
    public void Every_error_is_reported_not_just_the_first()
    {
        var text = Minimal
            .Replace("instrument: domestic", "instrument: nowhere", StringComparison.Ordinal)
            .Replace("to: [GB]", "to: [Narnia]", StringComparison.Ordinal)
            .Replace("format: liaison-policy/1", "format: liaison-policy/9", StringComparison.Ordinal);

        var errors = Fails(text).Errors;

        Assert.Equal(["format", "rules[0].instrument", "rules[0].to[0]"], errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, e => e.Field == "rules[0].to[0]" && e.Reason.Contains("'Narnia'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_syntax_error_names_its_line()
    {
        var error = Assert.Single(Fails("format: liaison-policy/1\nversion: x\npurposes: [a, b\n").Errors);

        Assert.Equal("(syntax)", error.Field);
        Assert.True(error.Line >= 3, $"line {error.Line}");
    }

    [Fact]
    public void A_missing_required_field_is_named()
    {
        var text = Minimal.Replace("    description: Inside the UK.\n", "", StringComparison.Ordinal);

        var error = Assert.Single(Fails(text).Errors);

        Assert.Equal("rules[0].description", error.Field);
        Assert.Equal("is required", error.Reason);
    }

    [Fact]
    public void A_duplicate_rule_id_is_an_error()
    {
        var rule = Minimal[Minimal.IndexOf("  - id: gb-domestic", StringComparison.Ordinal)..];

        var error = Assert.Single(Fails(Minimal + rule).Errors);

        Assert.Equal("rules[1].id", error.Field);
    }

    [Fact]
    public void Granting_case_content_to_the_dpo_in_the_file_is_an_error()
    {
        var error = Assert.Single(Fails(Minimal + "roles:\n  dpo: [read-ledger, search]\n").Errors);

        Assert.Equal("roles.dpo[1]", error.Field);
        Assert.Contains("oversight never reads case content", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_TLP_handling_code_and_subject_are_named()
    {
        var text = Minimal + "    max-tlp: purple\n    add-handling: H9\n    disclose: [victims]\n";

        var fields = Fails(text).Errors.Select(e => e.Field).ToList();

        Assert.Equal(["rules[0].max-tlp", "rules[0].disclose[0]", "rules[0].add-handling"], fields);
    }

    [Fact]
    public void An_unknown_schema_in_a_data_category_is_named()
    {
        var error = Assert.Single(Fails(Minimal.Replace("schemata: [Person]", "schemata: [Persn]", StringComparison.Ordinal)).Errors);

        Assert.Equal("data-categories[0].schemata[0]", error.Field);
    }

    [Fact]
    public void An_empty_file_is_refused()
    {
        Assert.Equal("the policy file is empty", Assert.Single(Fails("  \n").Errors).Reason);
    }

    [Fact]
    public void The_same_policy_in_JSON_loads()
    {
        const string json = """
            {
              "format": "liaison-policy/1",
              "version": "json-1",
              "purposes": [{ "id": "criminal-investigation", "description": "x" }],
              "data-categories": [{ "id": "identity", "schemata": ["Person"] }],
              "instruments": [{ "id": "domestic", "name": "Domestic law" }],
              "rules": [{ "id": "gb-domestic", "description": "x", "from": ["GB"], "to": ["GB"], "instrument": "domestic",
                          "purposes": ["criminal-investigation"], "categories": ["identity"], "strip-attachments": false }]
            }
            """;

        var policy = PolicyLoader.Compile(json, "policy.json");

        Assert.Equal("json-1", policy.Version);
        Assert.Equal("gb-domestic", Assert.Single(policy.Rules).Id);
    }

    [Fact]
    public void A_JSON_error_names_line_and_field_too()
    {
        const string json = "{\n  \"format\": \"liaison-policy/1\",\n  \"version\": \"j\",\n  \"purposes\": [{ \"id\": \"Bad Id\", \"description\": \"x\" }]\n}";

        var errors = Fails(json).Errors;

        Assert.Contains(errors, e => e.Field == "purposes[0].id" && e.Line == 4);
    }

    [Fact]
    public void The_digest_changes_with_the_text()
    {
        var a = PolicyLoader.Compile(Minimal, "a.yaml");
        var b = PolicyLoader.Compile(Minimal + "# a comment\n", "a.yaml");

        Assert.NotEqual(a.Digest, b.Digest);
        Assert.Equal(64, a.Digest.Length);
    }
}
