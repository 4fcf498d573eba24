namespace Liaison.Core.Requests.Evidence;

/// <summary>A manifest that is malformed: names the field (e.g. "files[2].sha256") and the reason.</summary>
public sealed class InvalidManifestException : Exception
{
    public InvalidManifestException(string field, string reason)
        : base($"manifest field '{field}': {reason}")
    {
        Field = field;
        Reason = reason;
    }

    public InvalidManifestException()
        : this("?", "invalid manifest")
    {
    }

    public InvalidManifestException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "?";
        Reason = message;
    }

    public string Field { get; } = "?";
    public string Reason { get; } = "";
}
