using Liaison.Core.Identity;
using Liaison.Core.Policy;
using Liaison.Storage;
using Liaison.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Accounts;

/// <summary>
/// Users, passwords and API tokens, on Core's identity primitives: PBKDF2-SHA256 password hashes in
/// PHC form (600 000 iterations, upgraded on login when raised), API tokens of 256 random bits shown
/// once and stored as SHA-256, and lockout after repeated failures (5 in 15 minutes lock for 15).
/// </summary>
public sealed class UserAccounts(LiaisonDb db, TimeProvider clock)
{
    private static readonly PasswordHasher Hasher = new();
    private readonly Lockout _lockout = new(LockoutPolicy.Default, clock);

    public async Task AddUserAsync(string userName, string displayName, string password, Role[] roles, CancellationToken ct = default)
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
        db.Users.Add(new UserRow
        {
            UserName = userName,
            DisplayName = displayName,
            PasswordHash = Hasher.Hash(password),
            Roles = Roles.Format(roles),
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Checks a password, counting failures and honouring lockout. Returns the user or null.</summary>
    public async Task<UserRow?> VerifyPasswordAsync(string userName, string password, CancellationToken ct = default)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null)
        {
            // Same work as a real check, so response time does not reveal which user names exist.
            Hasher.VerifyUnknownUser(password);
            return null;
        }
        var state = LockoutOf(user);
        if (_lockout.IsLocked(state))
        {
            throw new AccountLockedException(userName, state.LockedUntil!.Value);
        }
        var result = Hasher.Verify(password, user.PasswordHash);
        if (result == PasswordVerification.Failed)
        {
            Store(user, _lockout.RecordFailure(state));
            await db.SaveChangesAsync(ct);
            return null;
        }
        if (result == PasswordVerification.SucceededRehashNeeded)
        {
            user.PasswordHash = Hasher.Hash(password);
        }
        Store(user, Lockout.RecordSuccess());
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
        var issued = ApiTokens.Issue();
        var now = clock.GetUtcNow();
        db.ApiTokens.Add(new ApiTokenRow { UserName = userName, Name = name, TokenHash = issued.Hash, CreatedAt = now, ExpiresAt = lifetime is { } l ? now + l : null });
        await db.SaveChangesAsync(ct);
        return issued.Token;
    }

    public async Task<UserRow?> FindByTokenAsync(string token, CancellationToken ct = default)
    {
        if (!ApiTokens.LooksLikeToken(token))
        {
            return null;
        }
        var hash = ApiTokens.HashOf(token);
        var row = await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.TokenHash == hash, ct);
        if (row is null || (row.ExpiresAt is { } exp && exp <= clock.GetUtcNow()))
        {
            return null;
        }
        return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == row.UserName, ct);
    }

    private static LockoutState LockoutOf(UserRow user) => new(
        string.IsNullOrEmpty(user.RecentFailures) ? [] : user.RecentFailures.Split(',').Select(t => DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(t, System.Globalization.CultureInfo.InvariantCulture))).ToList(),
        user.LockedUntil);

    private static void Store(UserRow user, LockoutState state)
    {
        user.RecentFailures = string.Join(',', state.Failures.Select(f => f.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        user.LockedUntil = state.LockedUntil;
    }
}

/// <summary>Too many failed logins: the account waits until <see cref="Until"/>.</summary>
public sealed class AccountLockedException(string userName, DateTimeOffset until)
    : Exception($"account '{userName}' is locked after repeated failed logins until {until:u}")
{
    public DateTimeOffset Until { get; } = until;
}
