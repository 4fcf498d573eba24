using Liaison.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage;

/// <summary>
/// The node's database. One model, two providers: <see cref="SqliteLiaisonDb"/> (default, a file in
/// the node's folder) and <see cref="PostgresLiaisonDb"/> (scale-out), each with its own migrations
/// so a node upgrades in place on either.
/// </summary>
public abstract class LiaisonDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<CaseRow> Cases => Set<CaseRow>();
    public DbSet<CaseMemberRow> CaseMembers => Set<CaseMemberRow>();
    public DbSet<RecordRow> Records => Set<RecordRow>();
    public DbSet<IdentifierRow> Identifiers => Set<IdentifierRow>();
    public DbSet<CallRecordRow> CallRecords => Set<CallRecordRow>();
    public DbSet<ImportRow> Imports => Set<ImportRow>();
    public DbSet<UserRow> Users => Set<UserRow>();
    public DbSet<ApiTokenRow> ApiTokens => Set<ApiTokenRow>();
    public DbSet<AuditRow> Audit => Set<AuditRow>();
    public DbSet<LedgerEntryRow> LedgerEntries => Set<LedgerEntryRow>();
    public DbSet<LedgerCheckpointRow> LedgerCheckpoints => Set<LedgerCheckpointRow>();
    public DbSet<LedgerCosignatureRow> LedgerCosignatures => Set<LedgerCosignatureRow>();
    public DbSet<WitnessStateRow> WitnessState => Set<WitnessStateRow>();

    public abstract StorageProvider Provider { get; }

    protected override void OnModelCreating(ModelBuilder b)
    {
        ArgumentNullException.ThrowIfNull(b);
        b.Entity<CaseRow>(e =>
        {
            e.ToTable("cases");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(200);
        });
        b.Entity<CaseMemberRow>(e =>
        {
            e.ToTable("case_members");
            e.HasKey(x => new { x.CaseId, x.UserName });
        });
        b.Entity<RecordRow>(e =>
        {
            e.ToTable("records");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(200);
            e.HasIndex(x => new { x.CaseId, x.Schema });
            e.HasIndex(x => x.ImportId);
        });
        b.Entity<IdentifierRow>(e =>
        {
            e.ToTable("identifiers");
            e.HasIndex(x => new { x.Kind, x.Value });
            e.HasIndex(x => x.RecordId);
        });
        b.Entity<CallRecordRow>(e =>
        {
            e.ToTable("call_records");
            e.HasIndex(x => new { x.CaseId, x.Caller });
            e.HasIndex(x => new { x.CaseId, x.Callee });
            e.HasIndex(x => x.ImportId);
        });
        b.Entity<ImportRow>(e => e.ToTable("imports"));
        b.Entity<UserRow>(e =>
        {
            e.ToTable("users");
            e.HasKey(x => x.UserName);
        });
        b.Entity<ApiTokenRow>(e =>
        {
            e.ToTable("api_tokens");
            e.HasIndex(x => x.TokenHash).IsUnique();
        });
        b.Entity<AuditRow>(e =>
        {
            e.ToTable("audit");
            e.HasIndex(x => x.At);
        });
        b.Entity<LedgerEntryRow>(e =>
        {
            e.ToTable("ledger_entries");
            e.HasKey(x => x.Index);
            e.Property(x => x.Index).ValueGeneratedNever();
        });
        b.Entity<LedgerCheckpointRow>(e => e.ToTable("ledger_checkpoints"));
        b.Entity<LedgerCosignatureRow>(e => e.ToTable("ledger_cosignatures"));
        b.Entity<WitnessStateRow>(e =>
        {
            e.ToTable("witness_state");
            e.HasKey(x => x.Origin);
        });

        // Feature folders (exchange, requests, retention …) map their own tables with
        // IEntityTypeConfiguration classes, so that each feature's schema lives beside its code.
        b.ApplyConfigurationsFromAssembly(typeof(LiaisonDb).Assembly);
    }
}

public enum StorageProvider
{
    Sqlite,
    Postgres,
}

/// <summary>SQLite flavour: a file under the node's data folder, WAL journal.</summary>
public sealed class SqliteLiaisonDb(DbContextOptions<SqliteLiaisonDb> options) : LiaisonDb(options)
{
    public override StorageProvider Provider => StorageProvider.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        // SQLite has no native DateTimeOffset ordering; store UTC ticks-based text is lossy to sort, so use a long.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>PostgreSQL flavour for national hubs with several node replicas.</summary>
public sealed class PostgresLiaisonDb(DbContextOptions<PostgresLiaisonDb> options) : LiaisonDb(options)
{
    public override StorageProvider Provider => StorageProvider.Postgres;
}
