using Liaison.Analysis.EntityResolution;
using Liaison.Core.Identifiers;
using Liaison.Core.Model;
using Liaison.Core.Policy;
using Liaison.Core.Policy.Retention;
using Liaison.Core.Validation;
using Liaison.Node.Analysis;
using Liaison.Node.Policy;
using Liaison.Node.Web.Cases;
using Liaison.Node.Web.Markings;
using Liaison.Node.Web.Resolution;
using Liaison.Storage;
using Liaison.Storage.Nodes;
using Liaison.Storage.Records;
using Liaison.Storage.Resolution;
using Liaison.Storage.Retention;
using Liaison.Storage.Rows;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Web.Pages.Cases;

/// <summary>
/// Entity resolution of the case for the analyst: the subjects the resolver formed (records of one
/// person with their phones, e-mails, accounts), the candidate pairs with rule and score — followed or
/// refused — and the manual decisions in force. Accepting a pair records a merge, rejecting it a split,
/// each with the analyst's reason, in the same <c>resolution_decisions</c> table as
/// <c>POST /api/cases/{c}/subjects/decisions</c>; decisions can be revoked. Reading is a search of the
/// case, deciding an import into it, as in the API.
/// </summary>
internal sealed class SubjectsModel(CaseAccess access, RequestGate gate, LiaisonDb db, NodeConfig node, TimeProvider clock) : CasePageModel(access)
{
    public override string Tab => "subjects";

    [BindProperty] public string? Kind { get; set; }
    [BindProperty] public string? RecordA { get; set; }
    [BindProperty] public string? RecordB { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public EntityResolutionResult Result { get; private set; } = null!;
    public IReadOnlyList<CandidatePair> Candidates { get; private set; } = [];
    public IReadOnlyList<ResolutionDecisionRow> Decisions { get; private set; } = [];
    public IReadOnlyDictionary<string, RecordRow> Records { get; private set; } = new Dictionary<string, RecordRow>();
    public string? Error { get; private set; }
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await OpenAsync(PolicyAction.Search, "entity resolution", ct: ct) is { } refused)
        {
            return refused;
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDecideAsync(CancellationToken ct)
    {
        var kind = Kind?.Trim().ToLowerInvariant();
        if (await OpenAsync(PolicyAction.Import, $"resolution {Clip(kind ?? "")} {Clip(RecordA ?? "")} {Clip(RecordB ?? "")}", ct: ct) is { } refused)
        {
            return refused;
        }
        var today = RetentionDay.Today(clock);
        if (!SubjectsApi.IsWellFormedDecision(kind, RecordA, RecordB, Reason, out var error))
        {
            Error = error;
        }
        else if (!await db.Records.InForce(today).AnyAsync(r => r.Id == RecordA && r.CaseId == CaseId, ct)
                 || !await db.Records.InForce(today).AnyAsync(r => r.Id == RecordB && r.CaseId == CaseId, ct))
        {
            return this.NotFoundPage();
        }
        else
        {
            db.Add(new ResolutionDecisionRow
            {
                CaseId = CaseId, Kind = kind, RecordA = RecordA, RecordB = RecordB, DecidedBy = User.Identity!.Name!, DecidedAt = clock.GetUtcNow(), Reason = Reason.Trim(),
            });
            await db.SaveChangesAsync(ct);
            Done = kind == "merge" ? $"{RecordA} and {RecordB} are now one subject." : $"{RecordA} and {RecordB} are now kept apart.";
        }
        if (Error is not null)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(long decision, CancellationToken ct)
    {
        if (await OpenAsync(PolicyAction.Import, $"resolution revoke d{decision}", ct: ct) is { } refused)
        {
            return refused;
        }
        var row = await db.Set<ResolutionDecisionRow>().FirstOrDefaultAsync(d => d.Id == decision && d.CaseId == CaseId, ct);
        if (row is null)
        {
            return this.NotFoundPage();
        }
        if (row.RevokedAt is null)
        {
            row.RevokedAt = clock.GetUtcNow();
            row.RevokedBy = User.Identity!.Name!;
            await db.SaveChangesAsync(ct);
            Done = $"Decision d{decision} revoked: the subjects are what the rules and the other decisions give.";
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var visibility = gate.Engine.VisibilityFor(await gate.CallerAsync(ct));
        var rows = new List<RecordRow>();
        var records = new List<EntityRecord>();
        await foreach (var row in db.Records.AsNoTracking().InForce(RetentionDay.Today(clock)).Where(r => r.CaseId == CaseId).OrderBy(r => r.Id)
            .AsAsyncEnumerable().WithCancellation(ct))
        {
            var record = RecordRowMapper.ToRecord(row);
            if (visibility.MaySee(record.Envelope.CaseId))
            {
                rows.Add(row);
                records.Add(record);
            }
        }
        Records = rows.ToDictionary(r => r.Id, StringComparer.Ordinal);
        Decisions = await db.Set<ResolutionDecisionRow>().AsNoTracking().Where(d => d.CaseId == CaseId).OrderByDescending(d => d.Id).ToListAsync(ct);
        var resolver = new EntityResolver(new RecordValidator(new PhoneNumberNormalizer(node.PhoneRegion), clock));
        Result = resolver.Resolve(records, Decisions.OrderBy(d => d.Id).Select(SubjectsView.ToDecision));
        Candidates = CandidatePair.Of(Result);
        var shown = Result.Clusters.Where(c => !c.IsSingleton).SelectMany(c => c.RecordIds)
            .Concat(Candidates.SelectMany(p => new[] { p.RecordA, p.RecordB })).Distinct(StringComparer.Ordinal);
        Mark(PageMarking.Of(shown.Select(id => Records.TryGetValue(id, out var r) ? (r.Tlp, r.HandlingCodes) : (0, 0))));
    }

    /// <summary>The record a subject is named after: its first person or organisation, else its key.</summary>
    public string TitleOf(SubjectCluster cluster) =>
        cluster.RecordIds.FirstOrDefault(id => Records.TryGetValue(id, out var r) && r.Schema is "Person" or "Organization" or "Company") ?? cluster.Key;

    public string Caption(string id) => Records.TryGetValue(id, out var r) ? r.Caption : id;

    public string EntityPath(string id) => CasePath("entities/" + Uri.EscapeDataString(id));

    private static string Clip(string text) => text.Length <= 100 ? text : text[..100] + "…";
}
