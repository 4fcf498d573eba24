using Liaison.Storage.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage;

/// <summary>Makes the right <see cref="LiaisonDb"/> for a node: SQLite file (WAL) or PostgreSQL.</summary>
public static class LiaisonDbFactory
{
    public static LiaisonDb Create(NodeConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Database == "postgres"
            ? CreatePostgres(config.ConnectionString!)
            : CreateSqlite(config.SqlitePath);
    }

    public static SqliteLiaisonDb CreateSqlite(string path)
    {
        var cs = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true, DefaultTimeout = 30 }.ToString();
        var options = new DbContextOptionsBuilder<SqliteLiaisonDb>()
            .UseSqlite(cs)
            .AddInterceptors(SqlitePragmas.Instance)
            .Options;
        return new SqliteLiaisonDb(options);
    }

    public static PostgresLiaisonDb CreatePostgres(string connectionString) =>
        new(new DbContextOptionsBuilder<PostgresLiaisonDb>().UseNpgsql(connectionString).Options);
}
