using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Liaison.Storage;

/// <summary>Lets `dotnet ef migrations add` build each provider's context without a running node.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteLiaisonDb>
{
    public SqliteLiaisonDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteLiaisonDb>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresLiaisonDb>
{
    public PostgresLiaisonDb CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresLiaisonDb>().UseNpgsql("Host=localhost;Database=design").Options);
}
