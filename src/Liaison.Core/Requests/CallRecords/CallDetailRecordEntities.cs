using System.Globalization;
using Liaison.Core.Model;

namespace Liaison.Core.Requests.CallRecords;

/// <summary>
/// Turns imported call-detail records into case records: one Phone per distinct number and one Call per
/// row, each carrying the envelope of the case and a provenance that points at the request, file and line.
/// </summary>
public static class CallDetailRecordEntities
{
    /// <param name="rows">Rows from <see cref="CallDetailRecordReader"/>.</param>
    /// <param name="envelope">The case envelope (agency, case, markings, legal basis); its provenance gives who received it and when.</param>
    public static IReadOnlyList<EntityRecord> From(IEnumerable<CallDetailRecord> rows, RecordEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(envelope);
        var records = new List<EntityRecord>();
        var phones = new HashSet<string>(StringComparer.Ordinal);
        foreach (var r in rows)
        {
            var provenance = envelope.Provenance with
            {
                Source = "file:" + r.Provenance.File,
                SourceLocator = string.Create(CultureInfo.InvariantCulture, $"request:{r.Provenance.RequestId};line:{r.Provenance.Line}"),
            };
            var marked = envelope with { Provenance = provenance };
            foreach (var number in new[] { r.Caller, r.Callee })
            {
                if (phones.Add(number))
                {
                    records.Add(new EntityRecord(PhoneId(number), "Phone", new Dictionary<string, List<string>> { ["number"] = [number] }, marked));
                }
            }
            var call = new Dictionary<string, List<string>>
            {
                ["caller"] = [PhoneId(r.Caller)],
                ["receiver"] = [PhoneId(r.Callee)],
                ["callerNumber"] = [r.Caller],
                ["receiverNumber"] = [r.Callee],
                ["date"] = [r.Start.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture)],
                ["duration"] = [((long)r.Duration.TotalSeconds).ToString(CultureInfo.InvariantCulture)],
            };
            if (r.CellId is { } cell)
            {
                call["cellId"] = [cell];
            }
            records.Add(new EntityRecord(CallId(r.Provenance), "Call", call, marked));
        }
        return records;
    }

    /// <summary>
    /// The stable id of a call: request, file and line. The file name enters as a short hash because names
    /// may hold spaces or be long, and record ids may not.
    /// </summary>
    public static string CallId(EvidenceProvenance p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var file = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(p.File)))[..12];
        return string.Create(CultureInfo.InvariantCulture, $"cdr:{p.RequestId}:{file}:{p.Line}");
    }

    /// <summary>The stable id of a phone entity, so the same number from two packages is one node of the graph.</summary>
    public static string PhoneId(string e164) => "phone:" + e164;
}
