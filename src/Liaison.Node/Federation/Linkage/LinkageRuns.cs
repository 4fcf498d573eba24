using System.Text.RegularExpressions;
using Liaison.Matching.Linkage;
using Microsoft.Extensions.Options;

namespace Liaison.Node.Federation.Linkage;

/// <summary>
/// The hub's runs, in memory: per run the participants fixed by its first upload, each participant's
/// CLKs, and — once all have uploaded — the pairwise one-to-one linkages (blocking when the CLKs carry
/// block keys, then the greedy solver), computed once. A participant only ever gets pairs that involve
/// its own records. A restarted hub has forgotten its runs: participants upload again.
/// </summary>
public sealed partial class LinkageRuns(IOptions<LinkageHubOptions> options)
{
    private readonly LinkageHubOptions _options = options.Value;
    private readonly Dictionary<string, Run> _runs = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();

    public LinkageReceipt Upload(string sender, LinkageUpload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        CheckRunName(upload.Run);
        var participants = (upload.Participants ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (participants.Length < 2 || participants.Length > 10 || !participants.Contains(sender, StringComparer.Ordinal))
        {
            throw new LinkageRefusedException("linkage-bad-upload", 400, $"run '{upload.Run}': participants must be 2 to 10 node ids including the sender '{sender}'");
        }
        var records = upload.Records ?? [];
        if (records.Length == 0 || records.Length > _options.MaxRecordsPerUpload)
        {
            throw new LinkageRefusedException("linkage-bad-upload", 400, $"run '{upload.Run}': an upload holds 1 to {_options.MaxRecordsPerUpload} CLKs, not {records.Length}");
        }
        if (upload.FilterBits is < 64 or > 8192 || upload.FilterBits % 64 != 0 || string.IsNullOrWhiteSpace(upload.SchemaFingerprint))
        {
            throw new LinkageRefusedException("linkage-bad-upload", 400, $"run '{upload.Run}': filter size {upload.FilterBits} or schema fingerprint invalid");
        }
        var words = upload.FilterBits / 64;
        for (var i = 0; i < records.Length; i++)
        {
            var r = records[i];
            if (r is null || string.IsNullOrEmpty(r.Id) || r.Id.Length > 100 || r.Bits is null || r.Bits.Length != words)
            {
                throw new LinkageRefusedException("linkage-bad-upload", 400, $"run '{upload.Run}': CLK {i} needs an id (≤ 100 characters) and {words} 64-bit words");
            }
        }
        var set = ClkSet.From(upload.SchemaFingerprint, upload.FilterBits, records.Select(r => r with { BlockKeys = r.BlockKeys ?? [] }));
        lock (_lock)
        {
            if (!_runs.TryGetValue(upload.Run, out var run))
            {
                run = new Run(participants, upload.SchemaFingerprint, upload.FilterBits);
                _runs[upload.Run] = run;
                _order.Enqueue(upload.Run);
                while (_order.Count > _options.MaxRuns)
                {
                    _runs.Remove(_order.Dequeue());
                }
            }
            if (!run.Participants.SequenceEqual(participants, StringComparer.Ordinal))
            {
                throw new LinkageRefusedException("linkage-participants-differ", 409, $"run '{upload.Run}' was opened for {string.Join(", ", run.Participants)}");
            }
            if (!string.Equals(run.Fingerprint, upload.SchemaFingerprint, StringComparison.Ordinal) || run.FilterBits != upload.FilterBits)
            {
                throw new LinkageRefusedException("linkage-schema-differs", 409, $"run '{upload.Run}' compares CLKs of schema {run.Fingerprint} ({run.FilterBits} bits)");
            }
            if (!run.Uploads.TryAdd(sender, set))
            {
                throw new LinkageRefusedException("linkage-already-uploaded", 409, $"{sender} has already uploaded to run '{upload.Run}'");
            }
            return new LinkageReceipt(upload.Run, set.Count, run.WaitingFor());
        }
    }

    public LinkageResultReply Result(string sender, string runName)
    {
        CheckRunName(runName);
        Run? run;
        string[] waiting = [];
        lock (_lock)
        {
            if (_runs.TryGetValue(runName, out run))
            {
                waiting = run.WaitingFor();
            }
        }
        if (run is null)
        {
            throw new LinkageRefusedException("linkage-unknown-run", 404, $"this hub has no run '{runName}'");
        }
        if (!run.Participants.Contains(sender, StringComparer.Ordinal))
        {
            // The same answer whatever the run holds: a non-participant learns nothing about it.
            throw new LinkageRefusedException("linkage-not-a-participant", 403, $"{sender} is not a participant of run '{runName}'");
        }
        var threshold = _options.Threshold;
        if (waiting.Length > 0)
        {
            return new LinkageResultReply(runName, false, waiting, threshold, []);
        }
        // Complete runs no longer change: link once, outside the hub-wide lock.
        lock (run)
        {
            run.Links ??= Link(run, threshold);
        }
        var mine = new List<LinkagePair>();
        foreach (var ((a, b), result) in run.Links)
        {
            foreach (var m in result.Matches)
            {
                if (a == sender)
                {
                    mine.Add(new LinkagePair(m.AId, b, m.BId, Math.Round(m.Score, 4)));
                }
                else if (b == sender)
                {
                    mine.Add(new LinkagePair(m.BId, a, m.AId, Math.Round(m.Score, 4)));
                }
            }
        }
        return new LinkageResultReply(runName, true, [], threshold, [.. mine]);
    }

    private static Dictionary<(string, string), LinkageResult> Link(Run run, double threshold)
    {
        var hub = new LinkageHub(new LinkageOptions { Threshold = threshold });
        var links = new Dictionary<(string, string), LinkageResult>();
        for (var i = 0; i < run.Participants.Length; i++)
        {
            for (var j = i + 1; j < run.Participants.Length; j++)
            {
                var (a, b) = (run.Participants[i], run.Participants[j]);
                links[(a, b)] = hub.Link(run.Uploads[a], run.Uploads[b]);
            }
        }
        return links;
    }

    private static void CheckRunName(string? run)
    {
        if (run is null || !RunName().IsMatch(run))
        {
            throw new LinkageRefusedException("linkage-bad-run-name", 400, "a run name is 1 to 64 letters, digits, '.', '_' or '-'");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex RunName();

    private sealed class Run(string[] participants, string fingerprint, int filterBits)
    {
        public string[] Participants { get; } = participants;
        public string Fingerprint { get; } = fingerprint;
        public int FilterBits { get; } = filterBits;
        public Dictionary<string, ClkSet> Uploads { get; } = new(StringComparer.Ordinal);
        public Dictionary<(string, string), LinkageResult>? Links { get; set; }

        /// <summary>Call under the hub's lock.</summary>
        public string[] WaitingFor() => Participants.Where(p => !Uploads.ContainsKey(p)).ToArray();
    }
}
