using Liaison.Core.Markings;
using Liaison.Core.Model;

namespace Liaison.Core.Policy;

/// <summary>Outbound checks: TLP distribution, then the jurisdiction and agreement rules, then obligations.</summary>
public sealed partial class CompiledPolicy
{
    /// <summary>How many rules that did not cover a transfer the trail explains one by one.</summary>
    internal const int MaxExplainedRules = 20;

    private PolicyDecision DecideOutbound(AccessRequest request, Recipient recipient, List<string> trail)
    {
        var caller = request.Caller;
        var record = request.Record;
        var tlp = record?.Envelope.Tlp ?? Tlp.Clear;
        if (record is not null && TlpRefusal(caller, record, recipient, trail) is { } refused)
        {
            return refused;
        }
        Offence? offence = null;
        if (request.Offence is { Length: > 0 } offenceId && !Offences.TryGetValue(offenceId, out offence))
        {
            return Deny(trail, BuiltInRules.OffenceUnknown, $"offence '{Clip(offenceId)}' is not one of the policy's offences");
        }
        if (request.Instrument is { Length: > 0 } instrumentId && !Instruments.ContainsKey(instrumentId))
        {
            return Deny(trail, BuiltInRules.InstrumentUnknown, $"instrument '{Clip(instrumentId)}' is not one of the policy's instruments");
        }
        var categories = record is null ? new HashSet<string>(StringComparer.Ordinal) : new HashSet<string>(CategoriesOf(record), StringComparer.Ordinal);
        foreach (var category in request.Categories)
        {
            if (!DataCategories.Any(c => string.Equals(c.Id, category, StringComparison.Ordinal)))
            {
                return Deny(trail, BuiltInRules.CategoryUnknown, $"data category '{Clip(category)}' is not one of the policy's categories");
            }
            categories.Add(category);
        }
        trail.Add($"categories: {(categories.Count == 0 ? "none" : string.Join(", ", categories.Order(StringComparer.Ordinal)))}");
        var transfer = new Transfer(request.Purpose!, categories, offence, request.Instrument is { Length: > 0 } ? request.Instrument : null, tlp);
        var route = $"{caller.Jurisdiction} → {recipient.Jurisdiction}";
        var candidates = RulesFor(caller.Jurisdiction, recipient.Jurisdiction);
        var explained = 0;
        foreach (var rule in candidates)
        {
            if (!rule.Covers(transfer))
            {
                // Explaining costs a string per rule; with thousands of rules on a route, say why for the first few only.
                if (explained++ < MaxExplainedRules)
                {
                    trail.Add($"{rule.Id}: {rule.WhyNot(transfer)}");
                }
                continue;
            }
            if (explained > MaxExplainedRules)
            {
                trail.Add($"… and {explained - MaxExplainedRules} more rules that do not cover it");
            }
            trail.Add($"{rule.Id}: covers {route} under '{rule.Instrument.Id}'");
            return PolicyDecision.Permit(rule.Id, $"{route} under '{rule.Instrument.Id}' for '{transfer.Purpose}'", ObligationsOf(rule, record));
        }
        if (explained > MaxExplainedRules)
        {
            trail.Add($"… and {explained - MaxExplainedRules} more rules that do not cover it");
        }
        var reason = candidates.Length == 0
            ? $"no rule lets data go {route}"
            : $"no rule covers this transfer {route} ({candidates.Length} considered)";
        return Deny(trail, BuiltInRules.NoLegalBasis, reason);
    }

    /// <summary>TLP 2.0 as a node applies it: RED only to named people and never onward; AMBER+STRICT stays in the recipient organisation.</summary>
    private static PolicyDecision? TlpRefusal(Caller caller, EntityRecord record, Recipient recipient, List<string> trail)
    {
        var tlp = record.Envelope.Tlp;
        var originator = string.Equals(record.Envelope.OriginAgency, caller.Agency, StringComparison.Ordinal);
        var sameOrganisation = string.Equals(recipient.Agency, caller.Agency, StringComparison.Ordinal);
        if (tlp == Tlp.Red && !originator)
        {
            return Deny(trail, BuiltInRules.RedNoOnwardSharing, $"record '{Clip(record.Id)}' is TLP:RED from another agency and may not be passed on");
        }
        if (tlp == Tlp.Red && recipient.Person is null)
        {
            return Deny(trail, BuiltInRules.RedNamedRecipientsOnly, $"record '{Clip(record.Id)}' is TLP:RED and leaves the node only to a named person");
        }
        if (tlp == Tlp.AmberStrict && !originator && !sameOrganisation)
        {
            return Deny(trail, BuiltInRules.AmberStrictOrganisationOnly, $"record '{Clip(record.Id)}' is TLP:AMBER+STRICT and may not leave the organisation it was given to");
        }
        trail.Add($"tlp: {tlp.ToLabel()} may go to '{Clip(recipient.NodeId)}'");
        return null;
    }

    private IReadOnlyList<Obligation> ObligationsOf(SharingRule rule, EntityRecord? record)
    {
        var obligations = new List<Obligation>();
        // Victims, minors, witnesses and informants are pseudonymised on every outbound path unless the rule discloses them.
        var pseudonymise = (SubjectCategoriesExtensions.Protected | rule.Pseudonymise) & ~rule.Disclose;
        if (pseudonymise != SubjectCategories.None && (record is null || (record.Envelope.Subjects & pseudonymise) != 0))
        {
            obligations.Add(new PseudonymiseSubjects(pseudonymise));
        }
        obligations.AddRange(rule.Obligations);
        return obligations;
    }
}
