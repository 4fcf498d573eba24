namespace Liaison.Core.Requests.Validation;

/// <summary>
/// One problem with a request: which request, which field, why, and the refusal ground an addressee
/// would give for it. Reasons name fields and rules, never the personal data in them.
/// </summary>
public sealed record RequestValidationError(string RequestId, string Field, string Reason, RefusalReason Ground)
{
    public override string ToString() => $"request '{RequestId}', field '{Field}': {Reason}";
}
