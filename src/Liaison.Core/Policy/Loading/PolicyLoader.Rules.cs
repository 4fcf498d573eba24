using Liaison.Core.Markings;
using Liaison.Core.Model;

namespace Liaison.Core.Policy.Loading;

/// <summary>The sections that decide: roles, need-to-know and the sharing rules.</summary>
public static partial class PolicyLoader
{
    private static readonly string[] RuleKeys =
    [
        "id", "description", "from", "to", "instrument", "purposes", "categories", "offences", "max-tlp",
        "disclose", "pseudonymise", "redact", "strip-attachments", "add-handling", "handling-restriction", "min-tlp",
    ];

    private static PermissionMatrix ReadRoles(PolicyReader reader, Section top)
    {
        if (top.Get("roles") is not { } rolesNode)
        {
            return PermissionMatrix.Default;
        }
        var grants = new Dictionary<Role, IReadOnlyCollection<PolicyAction>>();
        foreach (var (name, keyNode, value) in reader.Entries(rolesNode, "roles"))
        {
            var field = PolicyReader.Path("roles", name);
            if (!PolicyNames.TryParseRole(name, out var role))
            {
                reader.Error(keyNode, field, $"unknown role '{name}' (one of {string.Join(", ", PolicyNames.AllRoles)})");
                continue;
            }
            var actions = new List<PolicyAction>();
            foreach (var (node, actionField, actionName) in reader.Strings(value, field))
            {
                if (!PolicyNames.TryParseAction(actionName, out var action))
                {
                    reader.Error(node, actionField, $"unknown action '{actionName}' (one of {string.Join(", ", PolicyNames.AllActions)})");
                }
                else if (role == Role.DataProtectionOfficer && action.TouchesCaseContent())
                {
                    reader.Error(node, actionField, $"the dpo role may not be granted '{actionName}': oversight never reads case content");
                }
                else
                {
                    actions.Add(action);
                }
            }
            grants[role] = actions;
        }
        return new PermissionMatrix(grants);
    }

    private static List<NeedToKnowRule> ReadNeedToKnow(PolicyReader reader, Section top)
    {
        var rules = new List<NeedToKnowRule>();
        foreach (var (item, id) in IdentifiedItems(reader, top, "need-to-know", required: false, "id", "description", "roles", "scope"))
        {
            var roles = new List<Role>();
            foreach (var (node, field, name) in item.Strings("roles", required: true))
            {
                if (!PolicyNames.TryParseRole(name, out var role))
                {
                    reader.Error(node, field, $"unknown role '{name}'");
                }
                else if (role == Role.DataProtectionOfficer)
                {
                    reader.Error(node, field, "need-to-know never extends to the dpo role: oversight never reads case content");
                }
                else
                {
                    roles.Add(role);
                }
            }
            var scope = NeedToKnowScope.Unit;
            if (item.String("scope", required: true) is { } scopeName)
            {
                switch (scopeName)
                {
                    case "unit": scope = NeedToKnowScope.Unit; break;
                    case "agency": scope = NeedToKnowScope.Agency; break;
                    default: reader.Error(item.Get("scope")!, item.FieldOf("scope"), "must be 'unit' or 'agency'"); break;
                }
            }
            rules.Add(new NeedToKnowRule(id, roles, scope, item.String("description", required: false) ?? ""));
        }
        return rules;
    }

    private static List<SharingRule> ReadRules(PolicyReader reader, Section top, Known known, IReadOnlyList<string> attachments)
    {
        var rules = new List<SharingRule>();
        foreach (var (item, id) in IdentifiedItems(reader, top, "rules", required: false, RuleKeys))
        {
            var instrumentId = item.String("instrument", required: true);
            LegalInstrument? instrument = null;
            if (instrumentId is not null && !known.Instruments.TryGetValue(instrumentId, out instrument))
            {
                reader.Error(item.Get("instrument")!, item.FieldOf("instrument"), $"unknown instrument '{instrumentId}'");
            }
            var rule = new SharingRule
            {
                Id = id,
                Description = item.String("description", required: true) ?? "",
                From = Jurisdictions(reader, item, "from", known.Groups),
                To = Jurisdictions(reader, item, "to", known.Groups),
                Instrument = instrument ?? new LegalInstrument("?", "?", null, false),
                Purposes = References(reader, item, "purposes", known.Purposes.ContainsKey, "purpose"),
                Categories = References(reader, item, "categories", known.Categories.Contains, "data category"),
                Offences = ReadOffenceScope(reader, item, known),
                MaxTlp = ReadTlp(reader, item, "max-tlp") ?? Tlp.Red,
                Disclose = ReadSubjects(reader, item, "disclose"),
                Pseudonymise = ReadSubjects(reader, item, "pseudonymise"),
                Obligations = ReadObligations(reader, item, attachments),
                Source = reader.Where(item.Node),
            };
            rules.Add(rule);
        }
        return rules;
    }

    private static HashSet<string> Jurisdictions(PolicyReader reader, Section item, string key, JurisdictionGroups groups)
    {
        var names = item.Strings(key, required: true);
        foreach (var (node, field, name) in names)
        {
            if (!groups.IsGroup(name) && !JurisdictionGroups.IsCountryCode(name))
            {
                reader.Error(node, field, $"'{name}' is neither a jurisdiction group nor an ISO 3166 alpha-2 country code");
            }
        }
        return groups.Expand(names.Select(n => n.Value));
    }

    private static HashSet<string> References(PolicyReader reader, Section item, string key, Func<string, bool> exists, string what)
    {
        var values = item.Strings(key, required: true);
        foreach (var (node, field, value) in values)
        {
            if (!exists(value))
            {
                reader.Error(node, field, $"unknown {what} '{value}'");
            }
        }
        return values.Select(v => v.Value).ToHashSet(StringComparer.Ordinal);
    }

    private static OffenceScope ReadOffenceScope(PolicyReader reader, Section item, Known known)
    {
        switch (item.Get("offences"))
        {
            case null:
                return OffenceScope.Any;
            case YamlDotNet.RepresentationModel.YamlScalarNode scalar:
                switch (scalar.Value)
                {
                    case "any": return OffenceScope.Any;
                    case "serious": return OffenceScope.Serious;
                    default:
                        reader.Error(scalar, item.FieldOf("offences"), "must be 'any', 'serious' or a list of offence ids");
                        return OffenceScope.Any;
                }
            default:
                return OffenceScope.Of(References(reader, item, "offences", known.Offences.ContainsKey, "offence"));
        }
    }

    private static Tlp? ReadTlp(PolicyReader reader, Section item, string key)
    {
        if (item.String(key, required: false) is not { } text)
        {
            return null;
        }
        if (TlpExtensions.TryParse(text, out var tlp))
        {
            return tlp;
        }
        reader.Error(item.Get(key)!, item.FieldOf(key), $"'{text}' is not a TLP 2.0 label (clear, green, amber, amber+strict, red)");
        return null;
    }

    private static List<Obligation> ReadObligations(PolicyReader reader, Section item, IReadOnlyList<string> attachments)
    {
        var obligations = new List<Obligation>();
        var redact = item.Strings("redact", required: false).Select(r => r.Value).ToList();
        if (redact.Count > 0)
        {
            obligations.Add(new RedactProperties(redact));
        }
        if (item.Bool("strip-attachments"))
        {
            if (attachments.Count == 0)
            {
                reader.Error(item.Get("strip-attachments")!, item.FieldOf("strip-attachments"), "the policy lists no attachment-properties to strip");
            }
            obligations.Add(new StripAttachments(attachments));
        }
        var restriction = item.String("handling-restriction", required: false);
        if (item.String("add-handling", required: false) is { } codes)
        {
            if (!Handling.TryParse(codes, restriction, out var handling))
            {
                reader.Error(item.Get("add-handling")!, item.FieldOf("add-handling"), $"'{codes}' is not a list of handling codes H0 to H3");
            }
            else if (handling.Codes.HasFlag(HandlingCodes.H3) && handling.Restriction is null)
            {
                reader.Error(item.Get("add-handling")!, item.FieldOf("add-handling"), "H3 needs the restriction in handling-restriction");
            }
            else
            {
                obligations.Add(new AddHandling(handling.Codes, handling.Restriction));
            }
        }
        else if (restriction is not null)
        {
            reader.Error(item.Get("handling-restriction")!, item.FieldOf("handling-restriction"), "is only read with add-handling: H3");
        }
        if (ReadTlp(reader, item, "min-tlp") is { } minimum)
        {
            obligations.Add(new RaiseTlp(minimum));
        }
        return obligations;
    }
}
