using Liaison.Core.Policy;

namespace Liaison.Node.CaseMessaging;

/// <summary>The policy refused the share of one attached record (or the message itself when <see cref="RecordId"/> is null); nothing was sent.</summary>
public sealed class ShareDeniedException(string? recordId, PolicyDecision decision)
    : Exception(recordId is null ? $"{decision.Rule}: {decision.Reason}" : $"record '{recordId}': {decision.Rule}: {decision.Reason}")
{
    public string? RecordId { get; } = recordId;
    public PolicyDecision Decision { get; } = decision;
}

/// <summary>A request named something the caller cannot use here: the field, and why (answered 400, or 404 for a record not visible).</summary>
public sealed class CaseMessagingInputException(string field, string reason, bool notFound = false) : Exception($"{field}: {reason}")
{
    public bool NotFound { get; } = notFound;
}
