using System.Globalization;
using Liaison.Matching.Clk;
using Liaison.Storage.Federation;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Federation.Linkage;

/// <summary>
/// Chunked uploads (<c>linkage.upload-part</c>): a participant's CLKs in numbered parts, each within the
/// envelope limit. Parts are stored as they come (<c>linkage_upload_parts</c>), strictly in order; the
/// last one joins them into the participant's upload — after checking the count and the SHA-256 the
/// first part announced — so linking sees a chunked upload exactly as a single one. A part sent again
/// with the same content is answered as before and changes nothing; a different part under a number
/// already taken, a part out of order or one that contradicts the first is refused.
/// </summary>
public sealed partial class LinkageRuns
{
    /// <summary>At most this many parts to an upload: 10,000 × the smallest envelope is still far beyond any run's size limit.</summary>
    public const int MaxParts = 10_000;

    public async Task<LinkagePartReceipt> UploadPartAsync(string sender, LinkageUploadPart part, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(part);
        CheckRunName(part.Run);
        var participants = CheckParticipants(sender, part.Run, part.Participants);
        var where = $"run '{part.Run}', part {part.Part.ToString(CultureInfo.InvariantCulture)} of {part.Parts.ToString(CultureInfo.InvariantCulture)}";
        if (part.Parts is < 1 or > MaxParts || part.Part < 1 || part.Part > part.Parts)
        {
            throw Bad($"{where}: parts are numbered 1 to the number of parts (at most {MaxParts})");
        }
        if (part.TotalClks < 1 || part.TotalClks > _options.MaxRecordsPerUpload)
        {
            throw Bad($"{where}: an upload holds 1 to {_options.MaxRecordsPerUpload} CLKs, not {part.TotalClks}");
        }
        if (part.SetDigest is not { Length: 64 } || !part.SetDigest.All(char.IsAsciiHexDigitLower))
        {
            throw Bad($"{where}: the set digest must be 64 lower-case hex digits (SHA-256)");
        }
        CheckSchema(part.Run, part.SchemaFingerprint, part.FilterBits);
        var words = part.FilterBits / 64;
        var (blob, records) = Decode(part, where, words);

        var now = clock.GetUtcNow();
        var run = await OpenRunAsync(part.Run, part.SchemaFingerprint, part.FilterBits, participants, now, ct);
        CheckSameRun(run, part.Run, participants, part.SchemaFingerprint, part.FilterBits);

        var stored = await db.LinkageUploadParts().Where(p => p.Run == part.Run && p.Participant == sender).OrderBy(p => p.Part).ToListAsync(ct);
        var partDigest = HubBlobs.Digest(blob);
        if (stored.Count == 0 && await db.LinkageUploads().AnyAsync(u => u.Run == part.Run && u.Participant == sender, ct))
        {
            throw new LinkageRefusedException("linkage-already-uploaded", 409, $"{sender} has already uploaded to run '{part.Run}' in one envelope");
        }
        var first = stored.FirstOrDefault();
        if (first is not null && (first.Parts != part.Parts || first.TotalClks != part.TotalClks || first.SetDigest != part.SetDigest))
        {
            throw new LinkageRefusedException("linkage-part-mismatch", 409,
                $"{where}: part 1 announced {first.Parts} parts, {first.TotalClks} CLKs and set digest {first.SetDigest[..12]}…, this part {part.Parts}, {part.TotalClks} and {part.SetDigest[..12]}…");
        }
        if (part.Part <= stored.Count)
        {
            // Sent again (a retry after a lost answer): harmless when identical, refused when not.
            if (stored[part.Part - 1].PartDigest != partDigest)
            {
                throw new LinkageRefusedException("linkage-part-differs", 409, $"{where}: {sender} already sent a different part {part.Part}");
            }
            return await ReceiptAsync(part, stored, participants, ct);
        }
        if (part.Part != stored.Count + 1)
        {
            throw new LinkageRefusedException("linkage-part-out-of-order", 409, $"{where}: the hub holds {stored.Count} parts from {sender}, so expects part {stored.Count + 1}");
        }
        var received = stored.Sum(p => p.ClkCount) + records.Length;
        if (received > part.TotalClks || (part.Part == part.Parts && received != part.TotalClks))
        {
            throw new LinkageRefusedException("linkage-part-mismatch", 409, $"{where}: {received} CLKs with this part where the upload announced {part.TotalClks}");
        }
        var row = new LinkageUploadPartRow
        {
            Run = part.Run, Participant = sender, Part = part.Part, Parts = part.Parts, TotalClks = part.TotalClks, SetDigest = part.SetDigest,
            ClkCount = records.Length, PartDigest = partDigest, ReceivedAt = now, Clks = blob,
        };
        db.LinkageUploadParts().Add(row);
        stored.Add(row);
        if (part.Part == part.Parts)
        {
            await CompleteAsync(sender, part, stored, words, now, ct);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same part (or the same participant's single upload) racing this one on a primary key: the caller may send it again.
            db.ChangeTracker.Clear();
            throw new LinkageRefusedException("linkage-part-conflict", 409, $"{where}: stored at the same moment by another request; send it again");
        }
        return await ReceiptAsync(part, stored, participants, ct);
    }

    /// <summary>The last part is in: join the parts, check them against what part 1 announced, and store them as the participant's upload.</summary>
    private async Task CompleteAsync(string sender, LinkageUploadPart part, List<LinkageUploadPartRow> stored, int words, DateTimeOffset now, CancellationToken ct)
    {
        var all = stored.SelectMany(p => HubBlobs.ReadClks(p.Clks ?? throw new InvalidOperationException($"part {p.Part} of {sender} lost its CLKs before completion"))).ToArray();
        var joined = HubBlobs.Clks(all, words);
        var digest = HubBlobs.Digest(joined);
        if (digest != part.SetDigest)
        {
            // Nothing of this upload can be trusted: forget its parts so the participant can send it again from part 1.
            db.ChangeTracker.Clear();
            await db.LinkageUploadParts().Where(p => p.Run == part.Run && p.Participant == sender).ExecuteDeleteAsync(ct);
            throw new LinkageRefusedException("linkage-upload-corrupt", 409,
                $"run '{part.Run}': the {all.Length} CLKs of {sender}'s {part.Parts} parts have SHA-256 {digest[..12]}…, not the announced {part.SetDigest[..12]}…; the parts are discarded, send the upload again from part 1");
        }
        db.LinkageUploads().Add(new LinkageUploadRow { Run = part.Run, Participant = sender, ClkCount = all.Length, UploadedAt = now, Clks = joined });
        foreach (var p in stored)
        {
            p.Clks = null; // held once, in the upload
        }
    }

    private async Task<LinkagePartReceipt> ReceiptAsync(LinkageUploadPart part, List<LinkageUploadPartRow> stored, string[] participants, CancellationToken ct)
    {
        var complete = stored.Count == part.Parts;
        return new LinkagePartReceipt(part.Run, part.Part, part.Parts, stored.Sum(p => p.ClkCount), complete,
            complete ? await WaitingForAsync(part.Run, participants, ct) : []);
    }

    private (byte[] Blob, ClkRecord[] Records) Decode(LinkageUploadPart part, string where, int words)
    {
        byte[] blob;
        ClkRecord[] records;
        try
        {
            blob = System.Buffers.Text.Base64Url.DecodeFromChars(part.Clks ?? "");
            records = HubBlobs.ReadClks(blob);
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or EndOfStreamException or IOException)
        {
            throw Bad($"{where}: the CLKs are not base64url of the hub's binary form ({e.Message})");
        }
        if (records.Length == 0 || records.Length > part.TotalClks)
        {
            throw Bad($"{where}: a part holds 1 to {part.TotalClks} CLKs, not {records.Length}");
        }
        for (var i = 0; i < records.Length; i++)
        {
            var r = records[i];
            if (string.IsNullOrEmpty(r.Id) || r.Id.Length > 100 || r.Bits.Length != words)
            {
                throw Bad($"{where}: CLK {i} needs an id (≤ 100 characters) and {words} 64-bit words");
            }
        }
        return (blob, records);
    }

    private static string[] CheckParticipants(string sender, string run, string[]? given)
    {
        var participants = (given ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (participants.Length < 2 || participants.Length > 10 || !participants.Contains(sender, StringComparer.Ordinal) || participants.Any(p => p.Length > 64))
        {
            throw Bad($"run '{run}': participants must be 2 to 10 node ids (≤ 64 characters) including the sender '{sender}'");
        }
        return participants;
    }

    private static void CheckSchema(string run, string? fingerprint, int filterBits)
    {
        if (filterBits is < 64 or > 8192 || filterBits % 64 != 0 || string.IsNullOrWhiteSpace(fingerprint) || fingerprint.Length > 200)
        {
            throw Bad($"run '{run}': filter size {filterBits} or schema fingerprint invalid");
        }
    }

    private static void CheckSameRun(LinkageRunRow run, string name, string[] participants, string fingerprint, int filterBits)
    {
        if (!string.Equals(run.Participants, string.Join(',', participants), StringComparison.Ordinal))
        {
            throw new LinkageRefusedException("linkage-participants-differ", 409, $"run '{name}' was opened for {run.Participants.Replace(",", ", ", StringComparison.Ordinal)}");
        }
        if (!string.Equals(run.SchemaFingerprint, fingerprint, StringComparison.Ordinal) || run.FilterBits != filterBits)
        {
            throw new LinkageRefusedException("linkage-schema-differs", 409, $"run '{name}' compares CLKs of schema {run.SchemaFingerprint} ({run.FilterBits} bits)");
        }
    }

    private static LinkageRefusedException Bad(string message) => new("linkage-bad-upload", 400, message);
}
