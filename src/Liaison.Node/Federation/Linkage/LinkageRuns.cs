using System.Text.RegularExpressions;
using Liaison.Matching.Linkage;
using Liaison.Storage;
using Liaison.Storage.Federation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Liaison.Node.Federation.Linkage;

/// <summary>
/// The hub's runs, in the node's database (<c>linkage_runs</c>, <c>linkage_uploads</c>, <c>linkage_results</c>):
/// per run the participants fixed by its first upload, each participant's CLKs, and — once all have
/// uploaded — the pairwise one-to-one linkages (blocking when the CLKs carry block keys, then the greedy
/// solver), computed once; the CLKs are dropped as soon as they are linked. A participant only ever gets
/// pairs that involve its own records. A restarted hub, or another replica on the same PostgreSQL, still
/// knows every run until it expires (<see cref="LinkageHubOptions.RunLifetimeHours"/>).
/// </summary>
public sealed partial class LinkageRuns(LiaisonDb db, IOptions<LinkageHubOptions> options, TimeProvider clock)
{
    // Linking is CPU-bound and done once per run: one at a time in this process. A replica racing it on
    // the same database computes the same links, and its insert fails on the results' primary key.
    private static readonly SemaphoreSlim Linking = new(1, 1);

    private readonly LinkageHubOptions _options = options.Value;

    public async Task<LinkageReceipt> UploadAsync(string sender, LinkageUpload upload, CancellationToken ct)
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
        if (upload.FilterBits is < 64 or > 8192 || upload.FilterBits % 64 != 0 || string.IsNullOrWhiteSpace(upload.SchemaFingerprint) || upload.SchemaFingerprint.Length > 200)
        {
            throw new LinkageRefusedException("linkage-bad-upload", 400, $"run '{upload.Run}': filter size {upload.FilterBits} or schema fingerprint invalid");
        }
        var words = upload.FilterBits / 64;
        for (var i = 0; i < records.Length; i++)
        {
            var r = records[i];
            if (r is null || string.IsNullOrEmpty(r.Id) || r.Id.Length > 100 || r.Bits is null || r.Bits.Length != words || r.BlockKeys is { Length: > 64 })
            {
                throw new LinkageRefusedException("linkage-bad-upload", 400, $"run '{upload.Run}': CLK {i} needs an id (≤ 100 characters), {words} 64-bit words and at most 64 block keys");
            }
        }
        if (participants.Any(p => p.Length > 64))
        {
            throw new LinkageRefusedException("linkage-bad-upload", 400, $"run '{upload.Run}': a node id has at most 64 characters");
        }

        var now = clock.GetUtcNow();
        var run = await OpenRunAsync(upload.Run, upload.SchemaFingerprint, upload.FilterBits, participants, now, ct);
        if (!string.Equals(run.Participants, string.Join(',', participants), StringComparison.Ordinal))
        {
            throw new LinkageRefusedException("linkage-participants-differ", 409, $"run '{upload.Run}' was opened for {run.Participants.Replace(",", ", ", StringComparison.Ordinal)}");
        }
        if (!string.Equals(run.SchemaFingerprint, upload.SchemaFingerprint, StringComparison.Ordinal) || run.FilterBits != upload.FilterBits)
        {
            throw new LinkageRefusedException("linkage-schema-differs", 409, $"run '{upload.Run}' compares CLKs of schema {run.SchemaFingerprint} ({run.FilterBits} bits)");
        }
        var already = new LinkageRefusedException("linkage-already-uploaded", 409, $"{sender} has already uploaded to run '{upload.Run}'");
        if (await db.LinkageUploads().AnyAsync(u => u.Run == upload.Run && u.Participant == sender, ct)
            || await db.LinkageUploadParts().AnyAsync(p => p.Run == upload.Run && p.Participant == sender, ct))
        {
            throw already;
        }
        db.LinkageUploads().Add(new LinkageUploadRow
        {
            Run = upload.Run, Participant = sender, ClkCount = records.Length, UploadedAt = now,
            Clks = HubBlobs.Clks(records.Select(r => r with { BlockKeys = r.BlockKeys ?? [] }).ToArray(), words),
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw already; // the same participant's upload, racing this one on the primary key
        }
        return new LinkageReceipt(upload.Run, records.Length, await WaitingForAsync(upload.Run, participants, ct));
    }

    public async Task<LinkageResultReply> ResultAsync(string sender, string runName, CancellationToken ct)
    {
        CheckRunName(runName);
        var run = await db.LinkageRuns().FirstOrDefaultAsync(r => r.Run == runName, ct);
        if (run is null || run.ExpiresAt <= clock.GetUtcNow())
        {
            throw new LinkageRefusedException("linkage-unknown-run", 404, $"this hub has no run '{runName}'");
        }
        var participants = run.Participants.Split(',');
        if (!participants.Contains(sender, StringComparer.Ordinal))
        {
            // The same answer whatever the run holds: a non-participant learns nothing about it.
            throw new LinkageRefusedException("linkage-not-a-participant", 403, $"{sender} is not a participant of run '{runName}'");
        }
        var threshold = _options.Threshold;
        var waiting = await WaitingForAsync(runName, participants, ct);
        if (waiting.Length > 0)
        {
            return new LinkageResultReply(runName, false, waiting, threshold, []);
        }
        if (run.LinkedAt is null)
        {
            await LinkAsync(run, participants, ct);
        }
        var results = await db.LinkageResults().AsNoTracking().Where(r => r.Run == runName && (r.PartyA == sender || r.PartyB == sender)).ToListAsync(ct);
        var mine = new List<LinkagePair>();
        foreach (var result in results.OrderBy(r => r.PartyA, StringComparer.Ordinal).ThenBy(r => r.PartyB, StringComparer.Ordinal))
        {
            foreach (var m in HubBlobs.ReadLinks(result.Links))
            {
                mine.Add(result.PartyA == sender
                    ? new LinkagePair(m.AId, result.PartyB, m.BId, Math.Round(m.Score, 4))
                    : new LinkagePair(m.BId, result.PartyA, m.AId, Math.Round(m.Score, 4)));
            }
        }
        return new LinkageResultReply(runName, true, [], threshold, [.. mine]);
    }

    /// <summary>The live run of that name, opening it if there is none (an expired one of the same name is deleted first).</summary>
    private async Task<LinkageRunRow> OpenRunAsync(string runName, string schemaFingerprint, int filterBits, string[] participants, DateTimeOffset now, CancellationToken ct)
    {
        var run = await db.LinkageRuns().FirstOrDefaultAsync(r => r.Run == runName, ct);
        if (run is not null && run.ExpiresAt > now)
        {
            return run;
        }
        if (run is not null)
        {
            db.ChangeTracker.Clear();
            await db.DeleteRunsAsync([runName], ct);
        }
        run = new LinkageRunRow
        {
            Run = runName, Participants = string.Join(',', participants), SchemaFingerprint = schemaFingerprint, FilterBits = filterBits,
            OpenedAt = now, ExpiresAt = now + TimeSpan.FromHours(_options.RunLifetimeHours),
        };
        db.LinkageRuns().Add(run);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another participant's first upload opened it at the same moment (unique run name): use theirs.
            db.ChangeTracker.Clear();
            return await db.LinkageRuns().FirstAsync(r => r.Run == runName, ct);
        }
        await ForgetOldestAsync(ct);
        return run;
    }

    /// <summary>Beyond <see cref="LinkageHubOptions.MaxRuns"/>, the oldest runs are deleted, as the in-memory hub forgot them.</summary>
    private async Task ForgetOldestAsync(CancellationToken ct)
    {
        var count = await db.LinkageRuns().CountAsync(ct);
        if (count <= _options.MaxRuns)
        {
            return;
        }
        var oldest = await db.LinkageRuns().OrderBy(r => r.Id).Take(count - _options.MaxRuns).Select(r => r.Run).ToListAsync(ct);
        await db.DeleteRunsAsync(oldest, ct);
    }

    private async Task<string[]> WaitingForAsync(string run, string[] participants, CancellationToken ct)
    {
        var uploaded = await db.LinkageUploads().Where(u => u.Run == run).Select(u => u.Participant).ToListAsync(ct);
        return [.. participants.Except(uploaded, StringComparer.Ordinal)];
    }

    private async Task LinkAsync(LinkageRunRow run, string[] participants, CancellationToken ct)
    {
        await Linking.WaitAsync(ct);
        try
        {
            // Another request may have linked it while this one waited.
            if (await db.LinkageRuns().AsNoTracking().AnyAsync(r => r.Id == run.Id && r.LinkedAt != null, ct))
            {
                return;
            }
            var uploads = await db.LinkageUploads().Where(u => u.Run == run.Run).ToDictionaryAsync(u => u.Participant, StringComparer.Ordinal, ct);
            var sets = uploads.ToDictionary(u => u.Key, u => ClkSet.From(run.SchemaFingerprint, run.FilterBits, HubBlobs.ReadClks(u.Value.Clks
                ?? throw new InvalidOperationException($"run '{run.Run}' is not linked but the CLKs of {u.Key} are gone"))), StringComparer.Ordinal);
            var hub = new LinkageHub(new LinkageOptions { Threshold = _options.Threshold });
            var linkedAt = clock.GetUtcNow();
            for (var i = 0; i < participants.Length; i++)
            {
                for (var j = i + 1; j < participants.Length; j++)
                {
                    var (a, b) = (participants[i], participants[j]);
                    var result = hub.Link(sets[a], sets[b]);
                    db.LinkageResults().Add(new LinkageResultRow
                    {
                        Run = run.Run, PartyA = a, PartyB = b, LinkCount = result.Matches.Count, Comparisons = result.Comparisons,
                        CandidatePairs = result.CandidatePairs, LinkedAt = linkedAt, Links = HubBlobs.Links(result.Matches),
                    });
                }
            }
            // Linked: the CLKs are no longer needed, so the hub stops holding them.
            foreach (var upload in uploads.Values)
            {
                upload.Clks = null;
            }
            run.LinkedAt = linkedAt;
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear(); // a replica stored the same links first
            }
        }
        finally
        {
            Linking.Release();
        }
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
}
