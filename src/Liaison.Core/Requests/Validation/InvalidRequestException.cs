namespace Liaison.Core.Requests.Validation;

/// <summary>A request that cannot be approved, sent or accepted, with every problem found.</summary>
public sealed class InvalidRequestException : Exception
{
    public InvalidRequestException(string requestId, IReadOnlyList<RequestValidationError> errors)
        : base(Format(requestId, errors))
    {
        RequestId = requestId;
        Errors = errors;
    }

    public InvalidRequestException()
        : this("?", [])
    {
    }

    public InvalidRequestException(string message)
        : base(message)
    {
        RequestId = "?";
        Errors = [];
    }

    public InvalidRequestException(string message, Exception innerException)
        : base(message, innerException)
    {
        RequestId = "?";
        Errors = [];
    }

    public string RequestId { get; }
    public IReadOnlyList<RequestValidationError> Errors { get; }

    private static string Format(string requestId, IReadOnlyList<RequestValidationError> errors) =>
        errors.Count == 0
            ? $"request '{requestId}' is not valid"
            : $"request '{requestId}' is not valid: " + string.Join("; ", errors.Select(e => $"field '{e.Field}': {e.Reason}"));
}
