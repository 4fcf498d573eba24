using System.Security.Cryptography;
using Liaison.Core.Identifiers;
using Liaison.Core.Model;
using Liaison.Core.Validation;
using Liaison.Interchange;
using Liaison.Interchange.Csv;
using Liaison.Interchange.FtM;
using Liaison.Interchange.Stix;
using Liaison.Interchange.Text;
using Liaison.Storage.Bulk;
using Liaison.Storage.Nodes;
using Liaison.Storage.Records;
using Liaison.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.Import;

/// <summary>
/// Imports files into a node: detects the format, validates every record with the one
/// <see cref="RecordValidator"/>, and writes through the bulk path in one transaction per file, so a
/// bad row (by default) leaves the database exactly as it was.
/// </summary>
public sealed class ImportService(NodeConfig node, TimeProvider clock)
{
    private readonly RecordValidator _validator = new(new PhoneNumberNormalizer(node.PhoneRegion), clock);

    public Task<ImportResult> ImportFileAsync(string path, ImportOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file");
        }
        return ImportAsync(() => File.OpenRead(path), Path.GetFileName(path), options, ct);
    }

    /// <summary>Imports from a stream factory (opened once to sniff the format when not given, once to read).</summary>
    public async Task<ImportResult> ImportAsync(Func<Stream> open, string fileName, ImportOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(options);
        if (!System.Text.RegularExpressions.Regex.IsMatch(options.CaseId, "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$"))
        {
            throw new ArgumentException($"case id '{options.CaseId}' must be letters, digits, '.', '_' or '-' (at most 100)");
        }
        var format = options.Format ?? DetectFormat(open, fileName);
        var now = clock.GetUtcNow();
        var context = new ImportContext
        {
            FileName = fileName,
            CaseId = options.CaseId,
            Agency = node.Agency,
            NodeId = node.NodeId,
            ImportedBy = options.ImportedBy,
            ImportedAt = now,
        };
        var rejects = new List<RejectedRow>();
        long accepted = 0;
        await using var session = OpenSession();
        var importId = await session.BeginAsync(new ImportRow
        {
            FileName = fileName, Format = format, Sha256 = "", CaseId = options.CaseId, ImportedAt = now, ImportedBy = options.ImportedBy,
        }, ct);
        await session.EnsureCaseAsync(options.CaseId, options.ImportedBy, now, ct);
        // One pass over the file: it is hashed as it is parsed (a million-row CDR file is read once).
        await using var raw = open();
        var length = raw.CanSeek ? raw.Length : -1;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var stream = new HashingReadStream(raw, sha);
        var cases = new HashSet<string>(StringComparer.Ordinal) { options.CaseId };
        switch (format)
        {
            case "cdr":
                accepted = await ImportCallsAsync(stream, context, options, session, rejects, length, ct);
                break;
            default:
                foreach (var (record, line, error) in ReadRecords(stream, format, context, options, length))
                {
                    if (error is not null)
                    {
                        Reject(options, rejects, error);
                        continue;
                    }
                    IReadOnlyList<Identifier> identifiers;
                    try
                    {
                        identifiers = _validator.Validate(record!);
                    }
                    catch (InvalidRecordException e)
                    {
                        Reject(options, rejects, e.At(fileName, line));
                        continue;
                    }
                    if (!options.AllowFileCases && !string.Equals(record!.Envelope.CaseId, options.CaseId, StringComparison.Ordinal))
                    {
                        Reject(options, rejects, new InvalidRecordException(record.Id, "case", $"belongs to case '{record.Envelope.CaseId}' but this import is into case '{options.CaseId}'").At(fileName, line));
                        continue;
                    }
                    if (cases.Add(record!.Envelope.CaseId))
                    {
                        await session.EnsureCaseAsync(record.Envelope.CaseId, options.ImportedBy, now, ct);
                    }
                    await session.WriteRecordAsync(RecordRowMapper.ToRow(record, importId), identifiers, ct);
                    accepted++;
                }
                break;
        }
        stream.DrainToEnd();
        var sha256 = Convert.ToHexStringLower(sha.GetHashAndReset());
        if (!options.Force && await AlreadyImportedAsync(sha256, options.CaseId, ct) is { } earlier)
        {
            throw new InvalidOperationException($"{fileName}: this file was already imported into case '{options.CaseId}' (import #{earlier}); use --force to import it again");
        }
        await session.CommitAsync(sha256, accepted, rejects.Count, ct);
        options.Progress?.Invoke(length, length);
        var report = rejects.Count > 0 ? await WriteRejectsAsync(importId, fileName, rejects, ct) : null;
        return new ImportResult(fileName, format, importId, accepted, rejects.Count, report);
    }

    private async Task<long?> AlreadyImportedAsync(string sha256, string caseId, CancellationToken ct)
    {
        await using var db = LiaisonDbFactory.Create(node);
        return await db.Imports.AsNoTracking().Where(i => i.Sha256 == sha256 && i.CaseId == caseId).Select(i => (long?)i.Id).FirstOrDefaultAsync(ct);
    }

    private async Task<long> ImportCallsAsync(Stream stream, ImportContext context, ImportOptions options, IBulkImportSession session,
        List<RejectedRow> rejects, long length, CancellationToken ct)
    {
        using var csv = new CsvReader(new LineReader(stream, context.FileName, leaveOpen: true), context.FileName);
        var reader = new CallDetailCsvReader(csv, context.FileName, _validator.Phones);
        long accepted = 0;
        while (true)
        {
            CallDetailRecord? call;
            try
            {
                call = reader.Read();
            }
            catch (InputFormatException e)
            {
                Reject(options, rejects, e);
                continue;
            }
            if (call is not { } c)
            {
                break;
            }
            await session.WriteCallAsync(context.CaseId, c, ct);
            if (++accepted % 65_536 == 0)
            {
                options.Progress?.Invoke(reader.Position, length);
            }
        }
        return accepted;
    }

    /// <summary>Parses records one by one; a parse error comes back as a value so skip-invalid can go on.</summary>
    private static IEnumerable<(EntityRecord? Record, long Line, Exception? Error)> ReadRecords(Stream stream, string format, ImportContext context, ImportOptions options, long length)
    {
        switch (format)
        {
            case "ftm":
                var lines = new LineReader(stream, context.FileName, leaveOpen: true);
                var ftm = new FtmReader(lines, context);
                var n = 0;
                while (true)
                {
                    EntityRecord? record = null;
                    Exception? error = null;
                    try
                    {
                        record = ftm.Read();
                        if (record is null)
                        {
                            yield break;
                        }
                    }
                    catch (InputFormatException e)
                    {
                        error = e;
                    }
                    if (++n % 8192 == 0)
                    {
                        options.Progress?.Invoke(ftm.Position, length);
                    }
                    yield return (record, ftm.Line, error);
                }
            case "stix":
                if (stream.CanSeek && stream.Length > StixReader.MaxBundleBytes)
                {
                    throw new InputFormatException(context.FileName, 1, "(file)", $"a STIX bundle is limited to {StixReader.MaxBundleBytes / (1024 * 1024)} MiB");
                }
                var index = 0;
                foreach (var r in StixReader.Read(stream, context))
                {
                    yield return (r, ++index, null);
                }
                yield break;
            case "edges":
                var prefix = Path.GetFileNameWithoutExtension(context.FileName).Replace(' ', '_') + ":";
                var edgeCsv = new CsvReader(new LineReader(stream, context.FileName, leaveOpen: true), context.FileName);
                foreach (var r in EdgeListCsvReader.Read(edgeCsv, context, prefix))
                {
                    yield return (r, edgeCsv.RowLine, null);
                }
                yield break;
            case "csv":
                var mapping = options.Mapping ?? throw new InputFormatException(context.FileName, 1, "(header)",
                    "this CSV is neither call-detail records (caller,callee,start,duration) nor an edge list (source,target[,weight]); give a column mapping (--map schema=Person,id=COLUMN,COLUMN=property…)");
                var entityCsv = new CsvReader(new LineReader(stream, context.FileName, leaveOpen: true), context.FileName);
                foreach (var r in EntityCsvReader.Read(entityCsv, context, mapping))
                {
                    yield return (r, entityCsv.RowLine, null);
                }
                yield break;
            default:
                throw new ArgumentException($"unknown import format '{format}' (ftm, stix, csv, edges, cdr)");
        }
    }

    private static void Reject(ImportOptions options, List<RejectedRow> rejects, Exception error)
    {
        if (!options.SkipInvalid)
        {
            throw error;
        }
        rejects.Add(error switch
        {
            InvalidRecordException e => new RejectedRow(e.Line ?? 0, e.RecordId, e.Field, e.Reason),
            InputFormatException e => new RejectedRow(e.Line, "", e.Field, e.Reason),
            _ => new RejectedRow(0, "", "", error.Message),
        });
    }

    /// <summary>Picks the format from the extension and, for CSV, from the header row.</summary>
    public static string DetectFormat(Func<Stream> open, string fileName)
    {
        ArgumentNullException.ThrowIfNull(open);
        var name = fileName.ToLowerInvariant();
        if (name.EndsWith(".jsonl", StringComparison.Ordinal) || name.EndsWith(".ndjson", StringComparison.Ordinal) || name.EndsWith(".ftm", StringComparison.Ordinal) || name.EndsWith(".ftm.json", StringComparison.Ordinal))
        {
            return "ftm";
        }
        if (name.EndsWith(".json", StringComparison.Ordinal) || name.EndsWith(".stix", StringComparison.Ordinal))
        {
            using var s = open();
            var head = new byte[4096];
            var n = s.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            var text = System.Text.Encoding.UTF8.GetString(head, 0, n);
            return text.Contains("\"bundle\"", StringComparison.Ordinal) ? "stix" : "ftm";
        }
        if (name.EndsWith(".csv", StringComparison.Ordinal) || name.EndsWith(".tsv", StringComparison.Ordinal))
        {
            using var csv = new CsvReader(new LineReader(open(), fileName), fileName);
            var header = csv.ReadRow() ?? throw new InputFormatException(fileName, 1, "(header)", "the file is empty");
            if (CallDetailCsvReader.LooksLikeCdrHeader(header))
            {
                return "cdr";
            }
            return EdgeListCsvReader.LooksLikeEdgeHeader(header) ? "edges" : "csv";
        }
        throw new ArgumentException($"{fileName}: cannot tell the format from the name (.jsonl/.ftm for FollowTheMoney, .json for STIX, .csv); give --format");
    }

    private IBulkImportSession OpenSession() => node.Database == "postgres"
        ? new PostgresBulkImportSession(node.ConnectionString!)
        : new SqliteBulkImportSession(node.SqlitePath);

    private async Task<string> WriteRejectsAsync(long importId, string fileName, List<RejectedRow> rejects, CancellationToken ct)
    {
        var folder = Path.Combine(node.Directory, "imports");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{importId}-{Path.GetFileNameWithoutExtension(fileName)}.rejects.csv");
        await using var w = new StreamWriter(path);
        await w.WriteLineAsync("file,line,record_id,field,reason");
        foreach (var r in rejects)
        {
            await w.WriteLineAsync($"{Csv(fileName)},{r.Line},{Csv(r.RecordId)},{Csv(r.Field)},{Csv(r.Reason)}");
        }
        return path;
    }

    private static string Csv(string s) => s.Contains(',', StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal) ? "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : s;
}
