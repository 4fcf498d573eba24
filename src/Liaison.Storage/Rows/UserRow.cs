namespace Liaison.Storage.Rows;

/// <summary>A node user: password as a PHC-style KDF string, roles, lockout state.</summary>
public sealed class UserRow
{
    public required string UserName { get; set; }
    public required string DisplayName { get; set; }
    public required string PasswordHash { get; set; }
    /// <summary>Comma-separated role names (investigator, analyst, supervisor, liaison, dpo, admin).</summary>
    public required string Roles { get; set; }
    /// <summary>Recent failed logins (Unix milliseconds, comma-separated) inside the lockout window.</summary>
    public string? RecentFailures { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
    public required DateTimeOffset CreatedAt { get; set; }
}

/// <summary>An API token: only its SHA-256 is stored; the token itself is shown once.</summary>
public sealed class ApiTokenRow
{
    public long Id { get; set; }
    public required string UserName { get; set; }
    public required string Name { get; set; }
    public required string TokenHash { get; set; }
    public required DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
}

/// <summary>A journalled access decision (the ledger pillar makes this tamper-evident).</summary>
public sealed class AuditRow
{
    public long Id { get; set; }
    public required DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public string? CaseId { get; set; }
    public string? Purpose { get; set; }
    public required string Decision { get; set; }
    public string? Rule { get; set; }
    public string? Detail { get; set; }
    /// <summary>The tamper-evident ledger entry this row indexes (the ledger is the authority; this table is for queries).</summary>
    public long? LedgerIndex { get; set; }
}
