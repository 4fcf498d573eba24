namespace Liaison.Core.Policy;

/// <summary>The decision procedure: role, oversight separation, case and purpose, need-to-know, then outbound checks.</summary>
public sealed partial class CompiledPolicy
{
    /// <summary>
    /// Decides one request. Checks run in a fixed order and the first that fails names itself as the
    /// rule; the trail lists every check that ran, for `liaison policy check` and the ledger.
    /// </summary>
    public PolicyDecision Decide(AccessRequest request, ICaseRegister cases)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(cases);
        var trail = new List<string>();
        var decision = DecideCore(request, cases, trail);
        return decision with { Trail = trail, PolicyVersion = Label };
    }

    private PolicyDecision DecideCore(AccessRequest request, ICaseRegister cases, List<string> trail)
    {
        var caller = request.Caller;
        var action = PolicyNames.Of(request.Action);
        if (request.Action.TouchesCaseContent() && caller.Has(Role.DataProtectionOfficer))
        {
            // Checked before the matrix so that a dpo who also holds a case role still cannot read content.
            return Deny(trail, BuiltInRules.OversightNeverReadsContent, $"the dpo role never reaches case content ('{action}')");
        }
        if (Permissions.GrantingRole(caller.Roles, request.Action) is not { } role)
        {
            return Deny(trail, BuiltInRules.PermissionMatrix, $"none of the caller's roles may '{action}'");
        }
        trail.Add($"{BuiltInRules.PermissionMatrix}: {PolicyNames.Of(role)} may {action}");
        if (!request.Action.TouchesCaseContent())
        {
            return PolicyDecision.Permit(BuiltInRules.PermissionMatrix, $"{PolicyNames.Of(role)} may {action}");
        }
        if (string.IsNullOrWhiteSpace(request.CaseId))
        {
            return Deny(trail, BuiltInRules.CaseRequired, $"'{action}' needs the case it is done for");
        }
        if (string.IsNullOrWhiteSpace(request.Purpose))
        {
            return Deny(trail, BuiltInRules.PurposeRequired, $"'{action}' needs a purpose from the policy's list");
        }
        if (!Purposes.ContainsKey(request.Purpose))
        {
            return Deny(trail, BuiltInRules.PurposeUnknown, $"purpose '{Clip(request.Purpose)}' is not one of the policy's purposes");
        }
        trail.Add($"{BuiltInRules.PurposeRequired}: case '{Clip(request.CaseId)}', purpose '{request.Purpose}'");
        if (NeedToKnowGrant(caller, request.CaseId, cases) is not { } caseGrant)
        {
            return Deny(trail, BuiltInRules.NeedToKnow, $"the caller has no need to know case '{Clip(request.CaseId)}'");
        }
        trail.Add($"{caseGrant}: may see case '{Clip(request.CaseId)}'");
        var grant = caseGrant;
        if (request.Record is { } record && !string.Equals(record.Envelope.CaseId, request.CaseId, StringComparison.Ordinal))
        {
            // A record of another case: the caller must have need-to-know there too, or the declared
            // case would be a way round need-to-know (the MISP "edit through another object's id" bug).
            if (NeedToKnowGrant(caller, record.Envelope.CaseId, cases) is not { } recordGrant)
            {
                return Deny(trail, BuiltInRules.NeedToKnow, $"record '{Clip(record.Id)}' belongs to a case the caller has no need to know");
            }
            trail.Add($"{recordGrant}: may see the case of record '{Clip(record.Id)}'");
            grant = recordGrant;
        }
        var recipient = request.Recipient ?? (request.Action == PolicyAction.Export ? Recipient.ForFileExport(caller) : null);
        if (recipient is null)
        {
            return request.Action == PolicyAction.Share
                ? Deny(trail, BuiltInRules.RecipientRequired, "a share needs a recipient")
                : PolicyDecision.Permit(grant, $"{PolicyNames.Of(role)} may {action} in case '{Clip(request.CaseId)}'");
        }
        return DecideOutbound(request, recipient, trail);
    }

    private static PolicyDecision Deny(List<string> trail, string rule, string reason)
    {
        trail.Add($"{rule}: DENY {reason}");
        return PolicyDecision.Deny(rule, reason);
    }

    /// <summary>Caller-supplied ids go into decisions; bound them so a decision cannot be inflated.</summary>
    private static string Clip(string text) => text.Length <= 100 ? text : text[..100] + "…";
}
