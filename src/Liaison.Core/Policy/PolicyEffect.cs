namespace Liaison.Core.Policy;

/// <summary>The outcome of a decision.</summary>
public enum PolicyEffect
{
    /// <summary>Allowed as asked.</summary>
    Permit,
    /// <summary>Allowed only if the node carries out every obligation (pseudonymise, redact …) first.</summary>
    PermitWithObligations,
    /// <summary>Refused; the decision names the rule. The node answers as if the record did not exist.</summary>
    Deny,
}
