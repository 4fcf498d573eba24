using Liaison.Core.Policy;
using Liaison.Node.Policy;
using Liaison.Node.Web.Cases;
using Liaison.Node.Web.Charts;
using Liaison.Storage;
using Liaison.Storage.Stats;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Web.Pages;

/// <summary>
/// Oversight statistics: what the node holds (records by type, call records, cases, imports) and what
/// was asked of it (journal entries by action and decision, refusals by rule). Counts only, no case
/// content, so the data protection officer may read them.
/// </summary>
internal sealed class StatisticsModel(RequestGate gate, LiaisonDb db) : PageModel
{
    public NodeStatistics Holdings { get; private set; } = null!;
    public IReadOnlyList<Bar> BySchema { get; private set; } = [];
    public IReadOnlyList<Bar> ByAction { get; private set; } = [];
    public IReadOnlyList<(string Rule, long Count)> Refusals { get; private set; } = [];
    public long JournalEntries { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var decision = await gate.DecideAsync(PolicyAction.ReadStatistics, subject: "oversight statistics", ct: ct);
        if (!decision.IsPermitted)
        {
            return this.DeniedPage(decision);
        }
        Holdings = await NodeStatistics.ReadAsync(db, ct: ct);
        BySchema = Holdings.RecordsBySchema.OrderByDescending(s => s.Value).Select(s => new Bar(s.Key, [s.Value])).ToList();
        var decisions = await db.Audit.AsNoTracking().GroupBy(a => new { a.Action, a.Decision })
            .Select(g => new { g.Key.Action, g.Key.Decision, Count = g.LongCount() }).ToListAsync(ct);
        ByAction = decisions.GroupBy(d => d.Action, StringComparer.Ordinal)
            .Select(g => new Bar(g.Key, [g.Where(d => d.Decision == "permit").Sum(d => d.Count), g.Where(d => d.Decision != "permit").Sum(d => d.Count)]))
            .OrderByDescending(b => b.Parts.Sum()).ToList();
        JournalEntries = decisions.Sum(d => d.Count);
        Refusals = (await db.Audit.AsNoTracking().Where(a => a.Decision == "deny").GroupBy(a => a.Rule)
            .Select(g => new { Rule = g.Key, Count = g.LongCount() }).ToListAsync(ct))
            .Select(r => (r.Rule ?? "(none)", r.Count)).OrderByDescending(r => r.Item2).ToList();
        return Page();
    }
}
