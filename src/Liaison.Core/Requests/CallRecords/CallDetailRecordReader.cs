using System.Globalization;
using Liaison.Core.Identifiers;

namespace Liaison.Core.Requests.CallRecords;

/// <summary>
/// Reads the call-detail records CSV of an evidence package: RFC 4180, a header with exactly the columns
/// caller, callee, start, duration, cell_id (any order), numbers normalised to E.164 with the provider's
/// region as default, start an ISO 8601 time with an offset, duration in seconds (or hh:mm:ss), cell_id
/// optional. A row outside the requested period, or (for a request whose targets are all phones) a row
/// with none of the target numbers, is out of scope and reported, not imported.
/// </summary>
public sealed class CallDetailRecordReader(PhoneNumberNormalizer phones)
{
    public static readonly IReadOnlyList<string> Columns = ["caller", "callee", "start", "duration", "cell_id"];
    public const int MaxErrors = 100;
    private const int MaxCachedNumbers = 100_000;
    private static readonly TimeSpan MaxDuration = TimeSpan.FromDays(2);

    /// <summary>Reads <paramref name="csv"/> (file <paramref name="file"/> of the package answering <paramref name="request"/>).</summary>
    public CdrImport Read(DataAccessRequest request, string file, TextReader csv)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(csv);
        var rows = new List<CallDetailRecord>();
        var errors = new List<CdrError>();
        var seen = new Dictionary<string, (string? E164, string? Reason)>(StringComparer.Ordinal);
        var targetPhones = request.Targets.Count > 0 && request.Targets.All(t => t.Kind == TargetKind.Phone)
            ? request.Targets.Select(t => t.Value).ToHashSet(StringComparer.Ordinal)
            : null;
        int[]? index = null;
        try
        {
            foreach (var (line, fields) in Rfc4180.Read(csv))
            {
                if (errors.Count >= MaxErrors)
                {
                    break;
                }
                if (index is null)
                {
                    index = Header(file, line, fields, errors);
                    if (index is null)
                    {
                        break;
                    }
                    continue;
                }
                if (fields.Count == 1 && fields[0].Length == 0)
                {
                    continue;
                }
                var row = Row(request, targetPhones, file, line, fields, index, errors, seen);
                if (row is not null)
                {
                    rows.Add(row);
                }
            }
        }
        catch (CsvSyntaxException e)
        {
            errors.Add(new(file, e.Line, "(csv)", e.Message));
        }
        if (index is null && errors.Count == 0)
        {
            errors.Add(new(file, 1, "(header)", "the file is empty; expected the header " + string.Join(',', Columns)));
        }
        return new CdrImport(rows, errors);
    }

    private static int[]? Header(string file, long line, IReadOnlyList<string> fields, List<CdrError> errors)
    {
        var names = fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        var before = errors.Count;
        foreach (var unknown in names.Where(n => !Columns.Contains(n)).Distinct())
        {
            errors.Add(new(file, line, unknown.Length == 0 ? "(empty)" : unknown, "is not a column of the CDR contract (" + string.Join(',', Columns) + ")"));
        }
        foreach (var missing in Columns.Where(c => !names.Contains(c)))
        {
            errors.Add(new(file, line, missing, "the column is missing from the header"));
        }
        foreach (var twice in names.GroupBy(n => n).Where(g => g.Count() > 1))
        {
            errors.Add(new(file, line, twice.Key, "the column appears twice"));
        }
        return errors.Count > before ? null : Columns.Select(c => names.IndexOf(c)).ToArray();
    }

    private CallDetailRecord? Row(DataAccessRequest request, HashSet<string>? targets, string file, long line, IReadOnlyList<string> fields, int[] index, List<CdrError> errors,
        Dictionary<string, (string? E164, string? Reason)> seen)
    {
        if (fields.Count != index.Length)
        {
            errors.Add(new(file, line, "(row)", string.Create(CultureInfo.InvariantCulture, $"has {fields.Count} fields; the header has {index.Length}")));
            return null;
        }
        var before = errors.Count;
        var caller = Phone(fields[index[0]], "caller", file, line, errors, seen);
        var callee = Phone(fields[index[1]], "callee", file, line, errors, seen);
        var start = Start(fields[index[2]].Trim(), file, line, errors);
        var duration = Duration(fields[index[3]].Trim(), file, line, errors);
        var cell = fields[index[4]].Trim();
        if (cell.Length > 64 || cell.Any(char.IsControl))
        {
            errors.Add(new(file, line, "cell_id", "must be at most 64 printable characters"));
        }
        if (errors.Count > before)
        {
            return null;
        }
        if (request.Period is { } p && (start < p.From || start > p.To))
        {
            errors.Add(new(file, line, "start", "is outside the period the request asked for"));
            return null;
        }
        if (targets is not null && !targets.Contains(caller!) && !targets.Contains(callee!))
        {
            errors.Add(new(file, line, "caller", "neither number is a target of the request"));
            return null;
        }
        return new CallDetailRecord(caller!, callee!, start, duration, cell.Length == 0 ? null : cell, new EvidenceProvenance(request.Id, file, line));
    }

    private string? Phone(string raw, string field, string file, long line, List<CdrError> errors, Dictionary<string, (string? E164, string? Reason)> seen)
    {
        // The same numbers recur on row after row (the target's own number is on every one), and parsing a
        // number is the costliest step of the import, so each distinct text is normalised once per file.
        if (!seen.TryGetValue(raw, out var known))
        {
            var e164 = phones.TryNormalize(raw, out var reason);
            known = (e164, reason);
            if (seen.Count < MaxCachedNumbers)
            {
                seen[raw] = known;
            }
        }
        if (known.E164 is null)
        {
            errors.Add(new(file, line, field, known.Reason ?? "is not a phone number"));
        }
        return known.E164;
    }

    private static DateTimeOffset Start(string raw, string file, long line, List<CdrError> errors)
    {
        // Without an offset a time is ambiguous across the provider's and the requester's time zones, so one is required.
        var hasOffset = raw.EndsWith('Z') || raw.EndsWith('z') || (raw.Length > 6 && raw[^6] is '+' or '-' && raw[^3] == ':');
        if (raw.Length >= 19 && raw[10] == 'T' && hasOffset
            && DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var start))
        {
            return start;
        }
        errors.Add(new(file, line, "start", "is not an ISO 8601 time with an offset (e.g. 2025-02-01T14:03:00Z)"));
        return default;
    }

    private static TimeSpan Duration(string raw, string file, long line, List<CdrError> errors)
    {
        if (long.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= MaxDuration.TotalSeconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }
        if (raw.Length >= 7 && TimeSpan.TryParseExact(raw, [@"h\:mm\:ss", @"hh\:mm\:ss"], CultureInfo.InvariantCulture, out var span))
        {
            return span;
        }
        errors.Add(new(file, line, "duration", "is not a duration in whole seconds (or hh:mm:ss) up to 2 days"));
        return default;
    }
}
