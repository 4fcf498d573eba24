using Microsoft.Data.Sqlite;

namespace Liaison.Storage.Bulk;

/// <summary>
/// Builds call_records' indexes once, sorted, after a large import instead of updating them row by
/// row: inserting a million rows into three B-trees at random positions cost SQLite about 3× the CPU
/// of writing the rows and then running CREATE INDEX (measured, see docs/benchmarks.md). Only worth it
/// when the import is at least as large as the table already is, because the rebuild also sorts the
/// rows that were there before; the caller decides when. The indexes are dropped and re-created inside
/// the import's transaction, so a failed import rolls the drop back too, and readers on other
/// connections (WAL) keep seeing the table with its indexes until the commit.
/// </summary>
internal sealed class SqliteDeferredIndexes(SqliteConnection connection, SqliteTransaction transaction, string table)
{
    private readonly List<string> _definitions = [];

    public bool Deferred { get; private set; }

    /// <summary>An upper bound on the rows in the table, without counting them (ids only grow).</summary>
    public long EstimateRows()
    {
        using var cmd = Command($"""SELECT coalesce(max("Id") - min("Id") + 1, 0) FROM "{table}" """);
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>Drops the table's own indexes (not its primary key), remembering their definitions.</summary>
    public void Defer()
    {
        var names = new List<string>();
        using (var list = Command("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $table AND sql IS NOT NULL"))
        {
            list.Parameters.AddWithValue("$table", table);
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
                _definitions.Add(reader.GetString(1));
            }
        }
        foreach (var name in names)
        {
            using var drop = Command($"DROP INDEX \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
            drop.ExecuteNonQuery();
        }
        Deferred = true;
    }

    /// <summary>Re-creates the dropped indexes exactly as their migration defined them.</summary>
    public void Restore()
    {
        foreach (var sql in _definitions)
        {
            using var create = Command(sql);
            create.ExecuteNonQuery();
        }
        _definitions.Clear();
        Deferred = false;
    }

    private SqliteCommand Command(string sql)
    {
        var cmd = connection.CreateCommand();
        cmd.Transaction = transaction;
        cmd.CommandText = sql;
        return cmd;
    }
}
