using Liaison.Core.Model;
using Liaison.Interchange.Csv;
using Liaison.Storage.Rows;
using Npgsql;
using NpgsqlTypes;

namespace Liaison.Storage.Bulk;

/// <summary>
/// PostgreSQL bulk path: call records stream through one binary COPY (<see cref="PostgresCallRecordCopy"/>); records and identifiers are
/// COPYed in batches into temporary tables and upserted at commit (COPY itself cannot upsert).
/// </summary>
internal sealed class PostgresBulkImportSession(string connectionString) : IBulkImportSession
{
    private const int RecordBatch = 5_000;
    private readonly NpgsqlConnection _connection = new(connectionString);
    private NpgsqlTransaction? _tx;
    private long _importId;
    private PostgresCallRecordCopy? _calls;
    private readonly List<(RecordRow Row, IReadOnlyList<Identifier> Ids)> _pending = [];
    private bool _tempTables;

    public async Task<long> BeginAsync(ImportRow import, CancellationToken ct)
    {
        await _connection.OpenAsync(ct);
        _tx = await _connection.BeginTransactionAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO imports ("FileName","Format","Sha256","CaseId","ImportedAt","ImportedBy","Accepted","Rejected")
            VALUES ($1,$2,$3,$4,$5,$6,0,0) RETURNING "Id"
            """, _connection, _tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = import.FileName });
        cmd.Parameters.Add(new NpgsqlParameter { Value = import.Format });
        cmd.Parameters.Add(new NpgsqlParameter { Value = import.Sha256 });
        cmd.Parameters.Add(new NpgsqlParameter { Value = import.CaseId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = import.ImportedAt.ToUniversalTime() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = import.ImportedBy });
        _importId = (long)(await cmd.ExecuteScalarAsync(ct))!;
        return _importId;
    }

    public async Task EnsureCaseAsync(string caseId, string createdBy, DateTimeOffset at, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO cases ("Id","Title","CreatedAt","CreatedBy","Status") VALUES ($1,$1,$2,$3,'open') ON CONFLICT ("Id") DO NOTHING
            """, _connection, _tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = caseId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = at.ToUniversalTime() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = createdBy });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public Task WriteCallAsync(string caseId, CallDetailRecord call, CancellationToken ct) =>
        _calls is null ? StartCallsAsync(caseId, call, ct) : _calls.WriteAsync(caseId, call, ct);

    private async Task StartCallsAsync(string caseId, CallDetailRecord call, CancellationToken ct)
    {
        _calls = await PostgresCallRecordCopy.StartAsync(_connection, _importId, ct);
        await _calls.WriteAsync(caseId, call, ct);
    }

    public async Task WriteRecordAsync(RecordRow row, IReadOnlyList<Identifier> identifiers, CancellationToken ct)
    {
        _pending.Add((row, identifiers));
        if (_pending.Count >= RecordBatch)
        {
            await FlushRecordsAsync(ct);
        }
    }

    private async Task FlushRecordsAsync(CancellationToken ct)
    {
        if (_pending.Count == 0)
        {
            return;
        }
        if (!_tempTables)
        {
            await Execute("""
                CREATE TEMP TABLE tmp_records (LIKE records INCLUDING DEFAULTS) ON COMMIT DROP;
                CREATE TEMP TABLE tmp_identifiers ("RecordId" text, "CaseId" text, "Kind" int, "Value" text, "Property" text) ON COMMIT DROP;
                """, ct);
            _tempTables = true;
        }
        await using (var copy = await _connection.BeginBinaryImportAsync("""
            COPY tmp_records ("Id","Schema","CaseId","Caption","OriginAgency","OriginNode","Tlp","HandlingCodes","HandlingRestriction","Grading","Subjects","LegalBasis","ReviewDate","ProvenanceSource","ProvenanceAt","ProvenanceBy","ProvenanceLocator","PropertiesJson","ImportId","IsReceivedCopy") FROM STDIN (FORMAT BINARY)
            """, ct))
        {
            foreach (var (r, _) in _pending)
            {
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(r.Id, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(r.Schema, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(r.CaseId, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(r.Caption, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(r.OriginAgency, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(r.OriginNode, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(r.Tlp, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.HandlingCodes, NpgsqlDbType.Integer, ct);
                await WriteNullable(copy, r.HandlingRestriction, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(r.Grading, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(r.Subjects, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(r.LegalBasis, NpgsqlDbType.Text, ct);
                await WriteNullable(copy, r.ReviewDate, NpgsqlDbType.Date, ct);
                await copy.WriteAsync(r.ProvenanceSource, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(r.ProvenanceAt.ToUniversalTime(), NpgsqlDbType.TimestampTz, ct);
                await copy.WriteAsync(r.ProvenanceBy, NpgsqlDbType.Text, ct);
                await WriteNullable(copy, r.ProvenanceLocator, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(r.PropertiesJson, NpgsqlDbType.Text, ct);
                await copy.WriteAsync(_importId, NpgsqlDbType.Bigint, ct);
                await copy.WriteAsync(r.IsReceivedCopy, NpgsqlDbType.Boolean, ct);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await _connection.BeginBinaryImportAsync("""COPY tmp_identifiers ("RecordId","CaseId","Kind","Value","Property") FROM STDIN (FORMAT BINARY)""", ct))
        {
            foreach (var (r, ids) in _pending)
            {
                foreach (var i in ids)
                {
                    await copy.WriteRowAsync(ct, r.Id, r.CaseId, (int)i.Kind, i.Value, i.Property);
                }
            }
            await copy.CompleteAsync(ct);
        }
        _pending.Clear();
    }

    public async Task CommitAsync(string sha256, long accepted, long rejected, CancellationToken ct)
    {
        if (_calls is not null)
        {
            await _calls.CompleteAsync(ct);
            _calls = null;
        }
        await FlushRecordsAsync(ct);
        if (_tempTables)
        {
            await using (var clash = new NpgsqlCommand("""
                SELECT t."Id" FROM tmp_records t JOIN records r ON r."Id" = t."Id" WHERE r."CaseId" <> t."CaseId" OR r."IsReceivedCopy" LIMIT 1
                """, _connection, _tx))
            {
                if (await clash.ExecuteScalarAsync(ct) is string taken)
                {
                    throw new Liaison.Core.Validation.InvalidRecordException(taken, "id", "is already used by a record of another case or a copy received from a peer");
                }
            }
            // Later rows of the same id win, as they would with row-by-row upserts.
            await Execute("""
                DELETE FROM identifiers WHERE "RecordId" IN (SELECT "Id" FROM tmp_records)
                  AND "RecordId" NOT IN (SELECT "Id" FROM records WHERE "IsReceivedCopy");
                INSERT INTO records SELECT DISTINCT ON ("Id") * FROM tmp_records ORDER BY "Id", ctid DESC
                ON CONFLICT ("Id") DO UPDATE SET "Schema"=excluded."Schema","CaseId"=excluded."CaseId","Caption"=excluded."Caption","Tlp"=excluded."Tlp","HandlingCodes"=excluded."HandlingCodes","HandlingRestriction"=excluded."HandlingRestriction","Grading"=excluded."Grading","Subjects"=excluded."Subjects","LegalBasis"=excluded."LegalBasis","ReviewDate"=excluded."ReviewDate","ProvenanceSource"=excluded."ProvenanceSource","ProvenanceAt"=excluded."ProvenanceAt","ProvenanceBy"=excluded."ProvenanceBy","ProvenanceLocator"=excluded."ProvenanceLocator","PropertiesJson"=excluded."PropertiesJson","ImportId"=excluded."ImportId"
                WHERE NOT records."IsReceivedCopy";
                INSERT INTO identifiers ("RecordId","CaseId","Kind","Value","Property")
                SELECT t."RecordId", t."CaseId", t."Kind", t."Value", t."Property" FROM tmp_identifiers t
                WHERE t."RecordId" NOT IN (SELECT "Id" FROM records WHERE "IsReceivedCopy");
                """, ct);
        }
        await using (var cmd = new NpgsqlCommand("""UPDATE imports SET "Accepted"=$1,"Rejected"=$2,"Sha256"=$4 WHERE "Id"=$3""", _connection, _tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = accepted });
            cmd.Parameters.Add(new NpgsqlParameter { Value = rejected });
            cmd.Parameters.Add(new NpgsqlParameter { Value = _importId });
            cmd.Parameters.Add(new NpgsqlParameter { Value = sha256 });
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await _tx!.CommitAsync(ct);
        _tx = null;
    }

    private async Task Execute(string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, _connection, _tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static Task WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) where T : struct =>
        value is { } v ? copy.WriteAsync(v, type, ct) : copy.WriteNullAsync(ct);

    private static Task WriteNullable(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken ct) =>
        value is not null ? copy.WriteAsync(value, type, ct) : copy.WriteNullAsync(ct);

    public async ValueTask DisposeAsync()
    {
        if (_calls is not null)
        {
            // A COPY that was not completed is cancelled, so the server discards what it received.
            try
            {
                await _calls.DisposeAsync();
            }
            catch (NpgsqlException)
            {
            }
        }
        if (_tx is not null)
        {
            try
            {
                await _tx.RollbackAsync();
            }
            catch (NpgsqlException)
            {
            }
            await _tx.DisposeAsync();
        }
        await _connection.DisposeAsync();
    }
}
