using Liaison.Core.Markings;
using Liaison.Core.Policy;
using Liaison.Node.Web.Cases;
using Liaison.Node.Web.Markings;
using Liaison.Storage;
using Liaison.Storage.Rows;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Liaison.Storage.Retention;

namespace Liaison.Node.Web.Pages.Cases;

/// <summary>A case's records with their markings, filtered by type, TLP, handling code or import; 100 a page.</summary>
internal sealed class CaseModel(CaseAccess access, LiaisonDb db, TimeProvider clock) : CasePageModel(access)
{
    public const int PageSize = 100;
    private static readonly string[] LinkSchemata = Liaison.Core.Model.Schemata.List.Where(s => s.Kind != Liaison.Core.Model.SchemaKind.Thing).Select(s => s.Name).ToArray();

    public override string Tab => "records";

    [BindProperty(SupportsGet = true)]
    public string? Schema { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Tlp { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Handling { get; set; }

    [BindProperty(SupportsGet = true)]
    public long? Import { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public long Total { get; private set; }
    public long CaseRecords { get; private set; }
    public long CallRecords { get; private set; }
    public IReadOnlyList<(string Schema, long Count)> Schemata { get; private set; } = [];
    public RecordsTable Table { get; private set; } = new("", []);
    public int Pages => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await OpenAsync(PolicyAction.Search, "case records", ct: ct) is { } refused)
        {
            return refused;
        }
        var all = db.Records.AsNoTracking().InForce(Liaison.Core.Policy.Retention.RetentionDay.Today(clock)).Where(r => r.CaseId == CaseId);
        Schemata = (await all.GroupBy(r => r.Schema).Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct))
            .OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => (s.Key, s.Count)).ToList();
        CaseRecords = Schemata.Sum(s => s.Count);
        CallRecords = await db.CallRecords.InForce(Liaison.Core.Policy.Retention.RetentionDay.Today(clock)).LongCountAsync(c => c.CaseId == CaseId, ct);
        var query = Filter(all);
        Total = await query.LongCountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        // People first, then the other things, then links and events: the order an analyst reads a case in.
        var rows = await query.OrderBy(r => r.Schema == "Person" ? 0 : LinkSchemata.Contains(r.Schema) ? 2 : 1).ThenBy(r => r.Schema).ThenBy(r => r.Caption).ThenBy(r => r.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        Table = new RecordsTable(CaseId, rows);
        Mark(PageMarking.Of(rows.Select(r => (r.Tlp, r.HandlingCodes))));
        return Page();
    }

    private IQueryable<RecordRow> Filter(IQueryable<RecordRow> query)
    {
        if (!string.IsNullOrEmpty(Schema))
        {
            query = query.Where(r => r.Schema == Schema);
        }
        if (TlpExtensions.TryParse(Tlp, out var tlp))
        {
            var t = (int)tlp;
            query = query.Where(r => r.Tlp == t);
        }
        if (Enum.TryParse<HandlingCodes>(Handling, out var code) && code != HandlingCodes.None && Enum.IsDefined(code))
        {
            var c = (int)code;
            query = query.Where(r => (r.HandlingCodes & c) != 0);
        }
        if (Import is { } import)
        {
            query = query.Where(r => r.ImportId == import);
        }
        return query;
    }

    public string PageLink(int page) =>
        CasePath() + QueryString.Create(new Dictionary<string, string?>
        {
            ["schema"] = Schema, ["tlp"] = Tlp, ["handling"] = Handling, ["import"] = Import?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(p => !string.IsNullOrEmpty(p.Value)));
}
