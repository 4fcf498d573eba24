using Liaison.Core.Markings;
using Liaison.Core.Model;
using Liaison.Core.Policy;
using Liaison.Matching.Psi;
using Liaison.Node.Federation;
using Liaison.Node.Web.Cases;
using Liaison.Node.Web.Markings;
using Liaison.Storage;
using Liaison.Storage.Federation;
using Liaison.Storage.Rows;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Web.Pages.Cases;

/// <summary>
/// Hit/no-hit from a case: choose a peer and the identifier kinds, run the private set intersection,
/// and see which of the case's identifiers the peer also holds ("your identifier X is known to peer Y"),
/// each with this node's records and their markings and a link to ask for follow-up. Below, the case's
/// run history from <c>hit_notices</c> (counts only). Viewing is a search of the case; running is
/// run-match, decided again on every post.
/// </summary>
internal sealed class HitNoHitModel(CaseAccess access, LiaisonDb db, NodeFederation federation, HitNoHitService service) : CasePageModel(access)
{
    public static readonly string[] AllKinds = ["phone", "email", "document", "iban", "wallet", "plate"];

    public override string Tab => "hit-no-hit";

    [BindProperty]
    public string? Peer { get; set; }

    [BindProperty]
    public List<string> Kinds { get; set; } = ["phone", "email"];

    [BindProperty]
    public string Mode { get; set; } = "intersection";

    public IReadOnlyList<string> Peers { get; private set; } = [];
    public IReadOnlyList<HitNoticeRow> History { get; private set; } = [];
    public HitNoHitResult? Result { get; private set; }

    /// <summary>This node's records that carry an identifier that hit, by id (their markings are shown beside the hit).</summary>
    public IReadOnlyDictionary<string, RecordRow> HitRecords { get; private set; } = new Dictionary<string, RecordRow>();
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await OpenAsync(PolicyAction.Search, "hit/no-hit history", ct: ct) is { } refused)
        {
            return refused;
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var peer = (Peer ?? "").Trim();
        var subject = $"hit/no-hit with peer {(peer.Length <= 64 ? peer : peer[..64])} on {string.Join(',', Kinds)} ({Mode})";
        if (await OpenAsync(PolicyAction.RunMatch, subject, ct: ct) is { } refused)
        {
            return refused;
        }
        IReadOnlyList<IdentifierKind> kinds = [];
        PsiMode mode = PsiMode.Intersection;
        try
        {
            kinds = MatchKinds.Parse(Kinds.Count > 0 ? Kinds : throw new ArgumentException("Choose at least one kind of identifier."));
            mode = HitNoHitApi.ParseMode(Mode);
            if (peer.Length == 0)
            {
                throw new ArgumentException("Choose the peer to match against.");
            }
        }
        catch (ArgumentException e)
        {
            Error = e.Message;
        }
        if (Error is null)
        {
            try
            {
                Result = await service.RunAsync(new HitNoHitRun(User.Identity!.Name!, CaseId, Purpose, peer, kinds, mode, Grant.Decision?.Rule ?? ""), ct);
            }
            catch (HitNoHitException e)
            {
                Error = e.Message;
            }
            catch (FederationUnavailableException e)
            {
                Error = "Hit/no-hit is off on this node: " + e.Message;
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Peers = (await federation.Peers.ListAsync(ct)).Select(p => p.NodeId).Where(id => id != federation.Node.NodeId).Order(StringComparer.Ordinal).ToList();
        History = await db.HitNotices().AsNoTracking().Where(n => n.CaseId == CaseId && n.Role == "querier").OrderByDescending(n => n.Id).Take(50).ToListAsync(ct);
        var marking = PageMarking.Of([]);
        if (Result is { } result)
        {
            var ids = result.Hits.SelectMany(h => h.RecordIds).Distinct(StringComparer.Ordinal).ToList();
            HitRecords = await db.Records.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, StringComparer.Ordinal, ct);
            // The screen shows my identifiers (marked as my records are) and the peer's answer (marked as it came).
            var answer = (TlpExtensions.TryParse(result.Tlp, out var tlp) ? tlp : Tlp.Amber,
                Handling.TryParse(result.Handling, null, out var handling) ? handling.Codes : HandlingCodes.H0);
            marking = PageMarking.Of(HitRecords.Values.Select(r => (r.Tlp, r.HandlingCodes)).Append(((int)answer.Item1, (int)answer.Item2)));
        }
        Mark(marking);
    }

    public string EntityPath(string recordId) => CasePath("entities/" + Uri.EscapeDataString(recordId));
}
