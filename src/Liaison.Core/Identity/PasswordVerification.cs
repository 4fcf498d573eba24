namespace Liaison.Core.Identity;

/// <summary>The outcome of checking a password against a stored hash.</summary>
public enum PasswordVerification
{
    Failed,
    Succeeded,
    /// <summary>Correct, but stored with weaker parameters than today's: store <see cref="PasswordHasher.Hash"/> of it now.</summary>
    SucceededRehashNeeded,
}
