using System.Security.Cryptography;
using System.Text;

namespace Liaison.Core.Identity;

/// <summary>
/// Password hashing with PBKDF2-HMAC-SHA256 (the .NET built-in), stored as a PHC-style string with its
/// parameters — <c>$pbkdf2-sha256$i=600000,l=32$&lt;salt&gt;$&lt;hash&gt;</c>, base64 without padding — so
/// that the work factor can be raised later and old hashes upgraded at the next login.
/// 600,000 iterations is OWASP's 2023 figure for PBKDF2-HMAC-SHA256.
/// </summary>
public sealed class PasswordHasher
{
    public const string Algorithm = "pbkdf2-sha256";
    public const int RecommendedIterations = 600_000;
    public const int SaltBytes = 16;
    public const int HashBytes = 32;

    /// <summary>Refuse stored strings that would make one login cost minutes (a planted hash as a DoS).</summary>
    public const int MaximumIterations = 10_000_000;

    private static readonly Lazy<string> Decoy = new(() => new PasswordHasher().Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))));

    public PasswordHasher(int iterations = RecommendedIterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(iterations, MaximumIterations);
        Iterations = iterations;
    }

    public int Iterations { get; }

    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, Iterations, HashBytes);
        return $"${Algorithm}$i={Iterations},l={HashBytes}${B64(salt)}${B64(hash)}";
    }

    public PasswordVerification Verify(string password, string stored)
    {
        ArgumentNullException.ThrowIfNull(password);
        var phc = PhcString.Parse(stored);
        var actual = Derive(password, phc.Salt, phc.Iterations, phc.Hash.Length);
        if (!CryptographicOperations.FixedTimeEquals(actual, phc.Hash))
        {
            return PasswordVerification.Failed;
        }
        return phc.Iterations < Iterations || phc.Hash.Length < HashBytes ? PasswordVerification.SucceededRehashNeeded : PasswordVerification.Succeeded;
    }

    /// <summary>
    /// Spends the same time as a real check and fails. Call it when the user name is unknown so that
    /// the response time does not tell which accounts exist.
    /// </summary>
    public PasswordVerification VerifyUnknownUser(string password)
    {
        Verify(password, Decoy.Value);
        return PasswordVerification.Failed;
    }

    internal static byte[] Derive(string password, byte[] salt, int iterations, int length) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, length);

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');
}
