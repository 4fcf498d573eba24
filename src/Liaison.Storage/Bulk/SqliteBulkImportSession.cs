using Liaison.Core.Model;
using Liaison.Interchange.Csv;
using Liaison.Storage.Rows;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Liaison.Storage.Bulk;

/// <summary>
/// SQLite bulk path: one connection, one transaction, prepared statements re-bound per row; call
/// records in multi-row inserts (<see cref="SqliteCallRecordWriter"/>), with their indexes built at the
/// end when the import is large (<see cref="SqliteDeferredIndexes"/>).
/// </summary>
internal sealed class SqliteBulkImportSession : IBulkImportSession
{
    private static readonly DateTimeOffsetToBinaryConverter Offset = new();

    /// <summary>
    /// Call records an import writes with the indexes maintained row by row before it may switch to
    /// building them at the end (and then only once it has written more rows than the table held).
    /// </summary>
    internal const int DeferIndexesAfterRows = 50_000;

    /// <summary>
    /// Page cache of the import connection (KiB, as PRAGMA cache_size takes a negative number). The
    /// default 2 MiB makes a large transaction spill dirty pages to the WAL again and again; 256 MiB
    /// holds a million call records with their indexes. Memory is only taken as pages are used, and the
    /// connection is not pooled, so it is returned when the import ends.
    /// </summary>
    private const int ImportCacheKiB = 256 * 1024;
    private readonly SqliteConnection _connection;
    private SqliteTransaction? _tx;
    private long _importId;
    private SqliteCommand? _insertRecord, _deleteIdentifiers, _insertIdentifier;
    private SqliteCallRecordWriter? _calls;
    private SqliteDeferredIndexes? _callIndexes;
    private long _callsBefore;

    public SqliteBulkImportSession(string path)
    {
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, DefaultTimeout = 60, Pooling = false }.ToString());
        _connection.Open();
        SqlitePragmas.Apply(_connection);
        using var cache = _connection.CreateCommand();
        cache.CommandText = $"PRAGMA cache_size = -{ImportCacheKiB}";
        cache.ExecuteNonQuery();
    }

    public async Task<long> BeginAsync(ImportRow import, CancellationToken ct)
    {
        _tx = _connection.BeginTransaction();
        await using var cmd = Command("""
            INSERT INTO imports ("FileName","Format","Sha256","CaseId","ImportedAt","ImportedBy","Accepted","Rejected")
            VALUES ($f,$fmt,$sha,$case,$at,$by,0,0) RETURNING "Id"
            """);
        cmd.Parameters.AddWithValue("$f", import.FileName);
        cmd.Parameters.AddWithValue("$fmt", import.Format);
        cmd.Parameters.AddWithValue("$sha", import.Sha256);
        cmd.Parameters.AddWithValue("$case", import.CaseId);
        cmd.Parameters.AddWithValue("$at", Offset.ConvertToProvider(import.ImportedAt));
        cmd.Parameters.AddWithValue("$by", import.ImportedBy);
        _importId = (long)(await cmd.ExecuteScalarAsync(ct))!;
        return _importId;
    }

    public async Task EnsureCaseAsync(string caseId, string createdBy, DateTimeOffset at, CancellationToken ct)
    {
        await using var cmd = Command("""
            INSERT INTO cases ("Id","Title","CreatedAt","CreatedBy","Status") VALUES ($id,$id,$at,$by,'open') ON CONFLICT("Id") DO NOTHING
            """);
        cmd.Parameters.AddWithValue("$id", caseId);
        cmd.Parameters.AddWithValue("$at", Offset.ConvertToProvider(at));
        cmd.Parameters.AddWithValue("$by", createdBy);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public Task WriteRecordAsync(RecordRow r, IReadOnlyList<Identifier> identifiers, CancellationToken ct)
    {
        _insertRecord ??= Prepare("""
            INSERT INTO records ("Id","Schema","CaseId","Caption","OriginAgency","OriginNode","Tlp","HandlingCodes","HandlingRestriction","Grading","Subjects","LegalBasis","ReviewDate","ProvenanceSource","ProvenanceAt","ProvenanceBy","ProvenanceLocator","PropertiesJson","ImportId","IsReceivedCopy")
            VALUES ($p0,$p1,$p2,$p3,$p4,$p5,$p6,$p7,$p8,$p9,$p10,$p11,$p12,$p13,$p14,$p15,$p16,$p17,$p18,$p19)
            ON CONFLICT("Id") DO UPDATE SET "Schema"=excluded."Schema","CaseId"=excluded."CaseId","Caption"=excluded."Caption","Tlp"=excluded."Tlp","HandlingCodes"=excluded."HandlingCodes","HandlingRestriction"=excluded."HandlingRestriction","Grading"=excluded."Grading","Subjects"=excluded."Subjects","LegalBasis"=excluded."LegalBasis","ReviewDate"=excluded."ReviewDate","ProvenanceSource"=excluded."ProvenanceSource","ProvenanceAt"=excluded."ProvenanceAt","ProvenanceBy"=excluded."ProvenanceBy","ProvenanceLocator"=excluded."ProvenanceLocator","PropertiesJson"=excluded."PropertiesJson","ImportId"=excluded."ImportId"
            WHERE records."IsReceivedCopy" = 0 AND records."CaseId" = excluded."CaseId"
            """, 20);
        _deleteIdentifiers ??= Prepare("""DELETE FROM identifiers WHERE "RecordId" = $p0""", 1);
        _insertIdentifier ??= Prepare("""INSERT INTO identifiers ("RecordId","CaseId","Kind","Value","Property") VALUES ($p0,$p1,$p2,$p3,$p4)""", 5);
        var p = _insertRecord.Parameters;
        p[0].Value = r.Id; p[1].Value = r.Schema; p[2].Value = r.CaseId; p[3].Value = r.Caption; p[4].Value = r.OriginAgency;
        p[5].Value = r.OriginNode; p[6].Value = r.Tlp; p[7].Value = r.HandlingCodes; p[8].Value = (object?)r.HandlingRestriction ?? DBNull.Value;
        p[9].Value = r.Grading; p[10].Value = r.Subjects; p[11].Value = r.LegalBasis;
        p[12].Value = r.ReviewDate is { } d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : DBNull.Value;
        p[13].Value = r.ProvenanceSource; p[14].Value = Offset.ConvertToProvider(r.ProvenanceAt); p[15].Value = r.ProvenanceBy;
        p[16].Value = (object?)r.ProvenanceLocator ?? DBNull.Value; p[17].Value = r.PropertiesJson; p[18].Value = _importId; p[19].Value = r.IsReceivedCopy ? 1 : 0;
        if (_insertRecord.ExecuteNonQuery() == 0)
        {
            // The upsert's WHERE refused: the id is a read-only copy from a peer, or a record of another case.
            throw new Liaison.Core.Validation.InvalidRecordException(r.Id, "id", "is already used by a record of another case or a copy received from a peer");
        }
        _deleteIdentifiers.Parameters[0].Value = r.Id;
        _deleteIdentifiers.ExecuteNonQuery();
        foreach (var ident in identifiers)
        {
            var q = _insertIdentifier.Parameters;
            q[0].Value = r.Id; q[1].Value = r.CaseId; q[2].Value = (int)ident.Kind; q[3].Value = ident.Value; q[4].Value = ident.Property;
            _insertIdentifier.ExecuteNonQuery();
        }
        return Task.CompletedTask;
    }

    public Task WriteCallAsync(string caseId, CallDetailRecord call, CancellationToken ct)
    {
        if (_calls is null)
        {
            _calls = new SqliteCallRecordWriter(_connection, caseId, _importId);
            _callIndexes = new SqliteDeferredIndexes(_connection, _tx!, "call_records");
            _callsBefore = _callIndexes.EstimateRows();
        }
        // Synchronous on purpose: Microsoft.Data.Sqlite has no real async I/O and the Task overhead costs ~20% here.
        _calls.Add(caseId, call);
        if (!_callIndexes!.Deferred && _calls.Written >= DeferIndexesAfterRows && _calls.Written > _callsBefore)
        {
            _callIndexes.Defer();
        }
        return Task.CompletedTask;
    }

    public async Task CommitAsync(string sha256, long accepted, long rejected, CancellationToken ct)
    {
        _calls?.Flush();
        if (_callIndexes is { Deferred: true })
        {
            _callIndexes.Restore();
        }
        await using var cmd = Command("""UPDATE imports SET "Sha256"=$sha,"Accepted"=$a,"Rejected"=$r WHERE "Id"=$id""");
        cmd.Parameters.AddWithValue("$sha", sha256);
        cmd.Parameters.AddWithValue("$a", accepted);
        cmd.Parameters.AddWithValue("$r", rejected);
        cmd.Parameters.AddWithValue("$id", _importId);
        await cmd.ExecuteNonQueryAsync(ct);
        await _tx!.CommitAsync(ct);
        _tx = null;
    }

    private SqliteCommand Command(string sql)
    {
        var cmd = _connection.CreateCommand();
        cmd.Transaction = _tx;
        cmd.CommandText = sql;
        return cmd;
    }

    private SqliteCommand Prepare(string sql, int parameters)
    {
        var cmd = Command(sql);
        for (var i = 0; i < parameters; i++)
        {
            cmd.Parameters.Add(new SqliteParameter("$p" + i, null));
        }
        cmd.Prepare();
        return cmd;
    }

    public async ValueTask DisposeAsync()
    {
        _calls?.Dispose();
        foreach (var c in new[] { _insertRecord, _deleteIdentifiers, _insertIdentifier })
        {
            if (c is not null)
            {
                await c.DisposeAsync();
            }
        }
        if (_tx is not null)
        {
            await _tx.RollbackAsync();
            await _tx.DisposeAsync();
        }
        await _connection.DisposeAsync();
    }
}
