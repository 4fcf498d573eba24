using Liaison.Storage.Nodes;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Liaison.Storage.Tests;

/// <summary>
/// A throwaway node on SQLite (temporary folder) or on the real PostgreSQL server the test command
/// starts (LIAISON_TEST_POSTGRES; a fresh database per node).
/// </summary>
public sealed class TestNode : IAsyncDisposable
{
    public static readonly string? PostgresServer = Environment.GetEnvironmentVariable("LIAISON_TEST_POSTGRES");

    /// <summary>The providers to run each storage test on: SQLite always, PostgreSQL when the test command started one.</summary>
    public static TheoryData<string> Providers()
    {
        var data = new TheoryData<string> { "sqlite" };
        if (!string.IsNullOrEmpty(PostgresServer))
        {
            data.Add("postgres");
        }
        return data;
    }

    private readonly string? _database;

    private TestNode(NodeConfig config, string? database)
    {
        Config = config;
        _database = database;
    }

    public NodeConfig Config { get; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));

    public static async Task<TestNode> CreateAsync(string provider, string jurisdiction = "GB")
    {
        var dir = Path.Combine(Path.GetTempPath(), "liaison-test-" + Guid.NewGuid().ToString("N"));
        string? database = null;
        string? connection = null;
        if (provider == "postgres")
        {
            database = "t_" + Guid.NewGuid().ToString("N")[..16];
            await using (var admin = new NpgsqlConnection(PostgresServer))
            {
                await admin.OpenAsync();
                await using var cmd = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
                await cmd.ExecuteNonQueryAsync();
            }
            connection = new NpgsqlConnectionStringBuilder(PostgresServer) { Database = database }.ToString();
        }
        var config = await NodeDirectory.InitAsync(dir, new NodeConfig
        {
            NodeId = "test-node",
            Agency = "Test Agency",
            Jurisdiction = jurisdiction,
            Database = provider,
            ConnectionString = connection,
        });
        return new TestNode(config, database);
    }

    public LiaisonDb Db() => LiaisonDbFactory.Create(Config);

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgresServer);
            await admin.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_database} WITH (FORCE)", admin);
            await cmd.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(Config.Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
