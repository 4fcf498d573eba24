using System.Security.Cryptography;
using System.Text;
using Liaison.Storage;
using Liaison.Storage.Rows;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Accounts;

/// <summary>
/// Users, passwords and API tokens. Passwords are hashed with ASP.NET Core Identity's
/// PasswordHasher (PBKDF2-HMAC-SHA512, 100 000 iterations, versioned format so the parameters can be
/// raised); tokens are 256 random bits, shown once, stored as SHA-256. Five failed logins lock the
/// account for 15 minutes.
/// </summary>
public sealed class UserAccounts(LiaisonDb db, TimeProvider clock)
{
    public const int MaxFailures = 5;
    public static readonly TimeSpan LockoutPeriod = TimeSpan.FromMinutes(15);
    private const string TokenPrefix = "lsn_";
    private static readonly PasswordHasher<UserRow> Hasher = new();

    public async Task AddUserAsync(string userName, string displayName, string password, string[] roles, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (!System.Text.RegularExpressions.Regex.IsMatch(userName, "^[a-z0-9][a-z0-9._-]{1,63}$"))
        {
            throw new ArgumentException($"user name '{userName}' must be 2 to 64 lower-case letters, digits, '.', '_' or '-'");
        }
        if (password.Length < 12)
        {
            throw new ArgumentException("a password needs at least 12 characters");
        }
        if (await db.Users.AnyAsync(u => u.UserName == userName, ct))
        {
            throw new InvalidOperationException($"user '{userName}' already exists");
        }
        var user = new UserRow
        {
            UserName = userName,
            DisplayName = displayName,
            PasswordHash = "",
            Roles = string.Join(',', roles),
            CreatedAt = clock.GetUtcNow(),
        };
        user.PasswordHash = Hasher.HashPassword(user, password);
        db.Users.Add(user);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Checks a password, counting failures and honouring lockout. Returns the user or null.</summary>
    public async Task<UserRow?> VerifyPasswordAsync(string userName, string password, CancellationToken ct = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null)
        {
            // Same work as a real check, so response time does not reveal which user names exist.
            Hasher.VerifyHashedPassword(new UserRow { UserName = "", DisplayName = "", PasswordHash = "", Roles = "", CreatedAt = default }, DummyHash, password);
            return null;
        }
        var now = clock.GetUtcNow();
        if (user.LockedUntil is { } until && until > now)
        {
            throw new AccountLockedException(userName, until);
        }
        var result = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.Failed)
        {
            user.FailedLogins++;
            if (user.FailedLogins >= MaxFailures)
            {
                user.LockedUntil = now + LockoutPeriod;
                user.FailedLogins = 0;
            }
            await db.SaveChangesAsync(ct);
            return null;
        }
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = Hasher.HashPassword(user, password);
        }
        user.FailedLogins = 0;
        user.LockedUntil = null;
        await db.SaveChangesAsync(ct);
        return user;
    }

    /// <summary>Issues an API token; the caller shows it once — only its hash is kept.</summary>
    public async Task<string> IssueTokenAsync(string userName, string name, TimeSpan? lifetime = null, CancellationToken ct = default)
    {
        if (!await db.Users.AnyAsync(u => u.UserName == userName, ct))
        {
            throw new InvalidOperationException($"no user '{userName}'");
        }
        var token = TokenPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow();
        db.ApiTokens.Add(new ApiTokenRow { UserName = userName, Name = name, TokenHash = Hash(token), CreatedAt = now, ExpiresAt = lifetime is { } l ? now + l : null });
        await db.SaveChangesAsync(ct);
        return token;
    }

    public async Task<UserRow?> FindByTokenAsync(string token, CancellationToken ct = default)
    {
        if (!token.StartsWith(TokenPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        var hash = Hash(token);
        var row = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (row is null || (row.ExpiresAt is { } exp && exp <= clock.GetUtcNow()))
        {
            return null;
        }
        return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == row.UserName, ct);
    }

    internal static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static readonly string DummyHash = Hasher.HashPassword(new UserRow { UserName = "", DisplayName = "", PasswordHash = "", Roles = "", CreatedAt = default }, "not-a-real-password");
}

/// <summary>Too many failed logins: the account waits until <see cref="Until"/>.</summary>
public sealed class AccountLockedException(string userName, DateTimeOffset until)
    : Exception($"account '{userName}' is locked after {UserAccounts.MaxFailures} failed logins until {until:u}")
{
    public DateTimeOffset Until { get; } = until;
}
