using Liaison.Core.Markings;
using Liaison.Core.Policy;
using Liaison.Ledger.Custody;
using Liaison.Node.Api;
using Liaison.Node.Policy;
using Liaison.Storage.Evidence;

namespace Liaison.Node.Evidence;

/// <summary>
/// Evidence files of a case and their chain of custody: add (a <c>collected</c> or <c>received-from</c>
/// step), list, download (an <c>accessed</c> step, journalled before a byte is sent) and the custody
/// trail read back from the ledger. Every call passes the <see cref="RequestGate"/> for the case and
/// purpose; a case the caller may not see answers 404 as if it did not exist.
/// </summary>
internal static class EvidenceApi
{
    public const long MaxUploadBytes = 2L * 1024 * 1024 * 1024;

    public sealed record EvidenceView(string Digest, long Length, string FileName, string MediaType, string Tlp, string AddedBy, DateTimeOffset AddedAt, long LedgerIndex)
    {
        public static EvidenceView Of(EvidenceItemRow r) => new(r.Digest, r.Length, r.FileName, r.MediaType, r.Tlp, r.AddedBy, r.AddedAt, r.LedgerIndex);
    }

    public sealed record CustodyStepView(long LedgerIndex, string Action, string Actor, DateTimeOffset Time, string? Counterparty, string? Location, string? Case, string? Purpose, string? Note);

    public sealed record CustodyTrailView(string Digest, bool Sound, string[] Problems, CustodyStepView[] Steps);

    public static RouteGroupBuilder MapEvidenceApi(this RouteGroupBuilder group)
    {
        group.MapPost("/{caseId}/evidence", async (string caseId, string fileName, string? purpose, string? receivedFrom, string? mediaType, string? tlp,
            string? location, string? note, HttpContext http, RequestGate gate, EvidenceLocker locker, CancellationToken ct) =>
        {
            var decision = await gate.DecideAsync(PolicyAction.Import, caseId, purpose, subject: "evidence upload", ct: ct);
            if (!decision.IsPermitted)
            {
                return Refused(decision, caseId);
            }
            if (http.Request.ContentLength is > MaxUploadBytes)
            {
                return Problems.BadRequest($"evidence uploads are limited to {MaxUploadBytes / (1024 * 1024)} MiB");
            }
            var marking = Tlp.Amber;
            if (tlp is not null && !TlpExtensions.TryParse(tlp, out marking))
            {
                return Problems.BadRequest($"evidence in case {caseId}: field 'tlp': '{tlp}' is not a TLP marking (CLEAR, GREEN, AMBER, AMBER+STRICT, RED)");
            }
            var safeName = Path.GetFileName(fileName);
            if (string.IsNullOrWhiteSpace(safeName))
            {
                return Problems.BadRequest($"evidence in case {caseId}: field 'fileName' is empty");
            }
            var row = await locker.AddAsync(new EvidenceIntake
            {
                CaseId = caseId, Actor = (await gate.CallerAsync(ct)).UserId, FileName = safeName, MediaType = mediaType ?? "application/octet-stream",
                Tlp = marking.ToLabel(), Purpose = purpose, ReceivedFrom = NullIfEmpty(receivedFrom), Location = NullIfEmpty(location), Note = NullIfEmpty(note),
            }, http.Request.Body, ct);
            return Results.Ok(EvidenceView.Of(row));
        }).WithSummary("Add an evidence file to a case (stored by SHA-256; journals a 'collected' or 'received-from' custody step)");

        group.MapGet("/{caseId}/evidence", async (string caseId, string? purpose, RequestGate gate, EvidenceLocker locker, CancellationToken ct) =>
        {
            var decision = await gate.DecideAsync(PolicyAction.ReadRecord, caseId, purpose, subject: "evidence list", ct: ct);
            if (!decision.IsPermitted)
            {
                return Refused(decision, caseId);
            }
            return Results.Ok((await locker.ListAsync(caseId, ct)).Select(EvidenceView.Of));
        }).WithSummary("The evidence files a case holds");

        group.MapGet("/{caseId}/evidence/{digest}", async (string caseId, string digest, string? purpose, RequestGate gate, EvidenceLocker locker, CancellationToken ct) =>
        {
            var decision = await gate.DecideAsync(PolicyAction.ReadRecord, caseId, purpose, subject: "evidence " + Clip(digest), ct: ct);
            if (!decision.IsPermitted)
            {
                return Refused(decision, caseId);
            }
            var (item, content) = await locker.OpenAsync(caseId, digest, (await gate.CallerAsync(ct)).UserId, purpose, ct);
            return Results.Stream(content, item.MediaType, item.FileName);
        }).WithSummary("Download an evidence file (journals an 'accessed' custody step first)");

        group.MapGet("/{caseId}/evidence/{digest}/custody", async (string caseId, string digest, string? purpose, RequestGate gate, EvidenceLocker locker,
            CancellationToken ct) =>
        {
            var decision = await gate.DecideAsync(PolicyAction.ReadRecord, caseId, purpose, subject: "custody trail " + Clip(digest), ct: ct);
            if (!decision.IsPermitted)
            {
                return Refused(decision, caseId);
            }
            if (await locker.FindAsync(caseId, digest, ct) is null)
            {
                return Problems.NotFound($"evidence {Clip(digest)} in case '{caseId}'");
            }
            var trail = await locker.TrailAsync(digest, ct);
            var problems = trail.Problems();
            return Results.Ok(new CustodyTrailView(trail.Item, problems.Count == 0, [.. problems],
                [.. trail.Steps.Select(s => new CustodyStepView(s.Index, s.Step.Action.WireName(), s.Step.Actor, s.Step.Time, s.Step.Counterparty,
                    s.Step.Location, s.Step.Case, s.Step.Purpose, s.Step.Note))]));
        }).WithSummary("The chain of custody of an evidence file, read back from the ledger");
        return group;
    }

    private static IResult Refused(PolicyDecision decision, string caseId) =>
        decision.Rule == BuiltInRules.NeedToKnow ? Decisions.DeniedRead($"case '{caseId}'") : Decisions.Denied(decision);

    private static string? NullIfEmpty(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    private static string Clip(string s) => s.Length > 80 ? s[..80] : s;
}
