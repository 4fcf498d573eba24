namespace Liaison.Core.Policy.Loading;

/// <summary>A policy file that does not validate. Carries every error found, not just the first.</summary>
public sealed class PolicyFileException : Exception
{
    public PolicyFileException(IReadOnlyList<PolicyError> errors)
        : base(Format(errors))
    {
        Errors = errors;
    }

    public PolicyFileException()
        : this([])
    {
    }

    public PolicyFileException(string message)
        : base(message)
    {
        Errors = [];
    }

    public PolicyFileException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<PolicyError> Errors { get; }

    private static string Format(IReadOnlyList<PolicyError> errors) => errors.Count switch
    {
        0 => "invalid policy file",
        1 => errors[0].ToString(),
        _ => $"{errors.Count} errors in policy file:\n" + string.Join('\n', errors),
    };
}
