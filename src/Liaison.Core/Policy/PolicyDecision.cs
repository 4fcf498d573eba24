using System.Text.Json;
using System.Text.Json.Serialization;

namespace Liaison.Core.Policy;

/// <summary>
/// The answer to an <see cref="AccessRequest"/>: permit, deny or permit with obligations, the rule that
/// decided, the trail of checks that led there, and the policy it was taken under. It is the value the
/// node journals in the ledger, so it holds ids, never personal data.
/// </summary>
public sealed record PolicyDecision
{
    [JsonConverter(typeof(JsonStringEnumConverter<PolicyEffect>))]
    public required PolicyEffect Effect { get; init; }

    /// <summary>The rule that decided: a built-in rule (<see cref="BuiltInRules"/>) or a policy file rule id.</summary>
    public required string Rule { get; init; }

    /// <summary>Why, in plain words, with ids only.</summary>
    public required string Reason { get; init; }

    public IReadOnlyList<Obligation> Obligations { get; init; } = [];

    /// <summary>Every check that ran, in order ("permission-matrix: investigator may read-record").</summary>
    public IReadOnlyList<string> Trail { get; init; } = [];

    /// <summary>The policy file's version label and a digest of its text.</summary>
    public string? PolicyVersion { get; init; }

    [JsonIgnore]
    public bool IsPermitted => Effect != PolicyEffect.Deny;

    public static PolicyDecision Deny(string rule, string reason, IReadOnlyList<string>? trail = null) =>
        new() { Effect = PolicyEffect.Deny, Rule = rule, Reason = reason, Trail = trail ?? [] };

    public static PolicyDecision Permit(string rule, string reason, IReadOnlyList<Obligation>? obligations = null, IReadOnlyList<string>? trail = null) =>
        new()
        {
            Effect = obligations is { Count: > 0 } ? PolicyEffect.PermitWithObligations : PolicyEffect.Permit,
            Rule = rule,
            Reason = reason,
            Obligations = obligations ?? [],
            Trail = trail ?? [],
        };

    /// <summary>The JSON the ledger stores: camelCase, enums as names, obligations tagged by "kind".</summary>
    public string ToJson() => JsonSerializer.Serialize(this, PolicyJson.Options);

    public static PolicyDecision FromJson(string json) =>
        JsonSerializer.Deserialize<PolicyDecision>(json, PolicyJson.Options) ?? throw new JsonException("empty decision");

    public bool Equals(PolicyDecision? other) => other is not null && Effect == other.Effect
        && string.Equals(Rule, other.Rule, StringComparison.Ordinal) && string.Equals(Reason, other.Reason, StringComparison.Ordinal)
        && Obligations.SequenceEqual(other.Obligations) && Trail.SequenceEqual(other.Trail, StringComparer.Ordinal)
        && string.Equals(PolicyVersion, other.PolicyVersion, StringComparison.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Effect, Rule, Reason, PolicyVersion);
}
