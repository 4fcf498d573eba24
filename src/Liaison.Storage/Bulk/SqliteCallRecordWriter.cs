using System.Globalization;
using System.Text;
using Liaison.Interchange.Csv;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Liaison.Storage.Bulk;

/// <summary>
/// Inserts call records on SQLite <see cref="RowsPerStatement"/> rows per INSERT, bound through the
/// SQLite C API (SQLitePCL, the library under Microsoft.Data.Sqlite) on the session's own connection
/// and transaction. Hand-tuned because this is the hot loop of million-row CDR imports: binding nine
/// boxed values per row through SqliteParameter cost more CPU than SQLite's own work on an
/// unindexed table (measured: ~3.1 µs against ~1.8 µs a row). Values are stored exactly as
/// Microsoft.Data.Sqlite and EF Core store them (DateTime as "yyyy-MM-dd HH:mm:ss.FFFFFFF" text,
/// integers as 64-bit, nulls as NULL), so EF reads the rows back unchanged.
/// </summary>
internal sealed class SqliteCallRecordWriter : IDisposable
{
    /// <summary>Rows per INSERT: enough to amortise the statement step; 7 parameters each, far below SQLite's limit.</summary>
    public const int RowsPerStatement = 32;
    private const int ParametersPerRow = 7;
    private const string DateTimeFormat = @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF";

    private readonly SqliteConnection _connection;
    private byte[] _caseId;
    private readonly long _importId;
    private readonly CallDetailRecord[] _pending = new CallDetailRecord[RowsPerStatement];
    private string _caseText;
    private int _count;
    private sqlite3_stmt? _full;
    private byte[] _scratch = new byte[256];

    public SqliteCallRecordWriter(SqliteConnection connection, string caseId, long importId)
    {
        _connection = connection;
        _caseId = Encoding.UTF8.GetBytes(caseId);
        _caseText = caseId;
        _importId = importId;
    }

    /// <summary>Rows handed to the database so far (a partly filled batch is not counted until flushed).</summary>
    public long Written { get; private set; }

    public void Add(string caseId, in CallDetailRecord call)
    {
        // A batch binds its case once; a different case (never within one import today) starts a new batch.
        if (!ReferenceEquals(caseId, _caseText) && !string.Equals(caseId, _caseText, StringComparison.Ordinal))
        {
            Flush();
            _caseId = Encoding.UTF8.GetBytes(caseId);
            _caseText = caseId;
        }
        _pending[_count++] = call;
        if (_count == RowsPerStatement)
        {
            _full ??= Prepare(RowsPerStatement);
            Execute(_full, RowsPerStatement);
        }
    }

    /// <summary>Writes the rows of a partly filled batch.</summary>
    public void Flush()
    {
        if (_count == 0)
        {
            return;
        }
        using var tail = Prepare(_count);
        Execute(tail, _count);
    }

    private void Execute(sqlite3_stmt statement, int rows)
    {
        Check(raw.sqlite3_bind_text(statement, 1, _caseId));
        Check(raw.sqlite3_bind_int64(statement, 2, _importId));
        for (var i = 0; i < rows; i++)
        {
            ref readonly var c = ref _pending[i];
            var p = 3 + (i * ParametersPerRow);
            BindText(statement, p, c.Caller);
            BindText(statement, p + 1, c.Callee);
            BindTime(statement, p + 2, c.StartedAt);
            Check(raw.sqlite3_bind_int64(statement, p + 3, c.DurationSeconds));
            BindNullableText(statement, p + 4, c.CellId);
            BindNullableDouble(statement, p + 5, c.Latitude);
            BindNullableDouble(statement, p + 6, c.Longitude);
        }
        var rc = raw.sqlite3_step(statement);
        if (rc != raw.SQLITE_DONE)
        {
            raw.sqlite3_reset(statement);
            SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
        }
        Check(raw.sqlite3_reset(statement));
        Written += rows;
        _count = 0;
    }

    private void BindText(sqlite3_stmt statement, int index, string value)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_scratch.Length < max)
        {
            _scratch = new byte[max];
        }
        var n = Encoding.UTF8.GetBytes(value, _scratch);
        // The span overload binds with SQLITE_TRANSIENT: SQLite copies the bytes, so the scratch buffer is reused at once.
        Check(raw.sqlite3_bind_text(statement, index, _scratch.AsSpan(0, n)));
    }

    private void BindNullableText(sqlite3_stmt statement, int index, string? value)
    {
        if (value is null)
        {
            Check(raw.sqlite3_bind_null(statement, index));
        }
        else
        {
            BindText(statement, index, value);
        }
    }

    private void BindNullableDouble(sqlite3_stmt statement, int index, double? value) =>
        Check(value is { } v ? raw.sqlite3_bind_double(statement, index, v) : raw.sqlite3_bind_null(statement, index));

    private void BindTime(sqlite3_stmt statement, int index, DateTime value)
    {
        Span<byte> text = stackalloc byte[32];
        if (!value.TryFormat(text, out var n, DateTimeFormat, CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("a timestamp did not fit its buffer");
        }
        Check(raw.sqlite3_bind_text(statement, index, text[..n]));
    }

    private sqlite3_stmt Prepare(int rows)
    {
        var sql = new StringBuilder("""
            INSERT INTO call_records ("CaseId","Caller","Callee","StartedAt","DurationSeconds","CellId","Latitude","Longitude","ImportId") VALUES
            """);
        for (var i = 0; i < rows; i++)
        {
            var p = 3 + (i * ParametersPerRow);
            sql.Append(i == 0 ? " " : ",").Append(CultureInfo.InvariantCulture,
                $"(?1,?{p},?{p + 1},?{p + 2},?{p + 3},?{p + 4},?{p + 5},?{p + 6},?2)");
        }
        var rc = raw.sqlite3_prepare_v2(_connection.Handle, sql.ToString(), out var statement);
        if (rc != raw.SQLITE_OK || statement is null)
        {
            statement?.Dispose();
            SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
            throw new InvalidOperationException("SQLite prepared no statement for the call-record insert");
        }
        return statement;
    }

    private void Check(int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
        }
    }

    public void Dispose() => _full?.Dispose();
}
