namespace Liaison.Core.Policy;

/// <summary>
/// Ids of the rules the engine enforces whatever the policy file says. They appear in decisions and
/// in the ledger like the file's own rule ids, so an auditor can tell which check refused a request.
/// </summary>
public static class BuiltInRules
{
    public const string PermissionMatrix = "permission-matrix";
    public const string OversightNeverReadsContent = "oversight-no-case-content";
    public const string CaseRequired = "case-required";
    public const string PurposeRequired = "purpose-required";
    public const string PurposeUnknown = "purpose-unknown";
    public const string CaseMembership = "case-membership";
    public const string NeedToKnow = "need-to-know";
    public const string RecipientRequired = "recipient-required";
    public const string RedNamedRecipientsOnly = "tlp-red-named-recipients-only";
    public const string RedNoOnwardSharing = "tlp-red-no-onward-sharing";
    public const string AmberStrictOrganisationOnly = "tlp-amber-strict-organisation-only";
    public const string OffenceUnknown = "offence-unknown";
    public const string InstrumentUnknown = "instrument-unknown";
    public const string CategoryUnknown = "category-unknown";
    public const string NoLegalBasis = "no-legal-basis";
    public const string NotOutbound = "local-access";
}
