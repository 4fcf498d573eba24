namespace Liaison.Core.Identity;

/// <summary>A stored password hash that cannot be read: a corrupt row or a format this version does not know.</summary>
public sealed class InvalidPasswordHashException : Exception
{
    public InvalidPasswordHashException()
        : base("invalid password hash")
    {
    }

    public InvalidPasswordHashException(string message)
        : base("invalid password hash: " + message)
    {
    }

    public InvalidPasswordHashException(string message, Exception innerException)
        : base("invalid password hash: " + message, innerException)
    {
    }
}
