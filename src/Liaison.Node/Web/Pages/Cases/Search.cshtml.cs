using Liaison.Core.Identifiers;
using Liaison.Core.Policy;
using Liaison.Node.Web.Cases;
using Liaison.Node.Web.Markings;
using Liaison.Storage;
using Liaison.Storage.Nodes;
using Liaison.Storage.Records;
using Microsoft.AspNetCore.Mvc;

namespace Liaison.Node.Web.Pages.Cases;

/// <summary>
/// Search inside one case by what an investigator types: a phone in any format, an e-mail, a name
/// (diacritics and scripts folded), an IBAN or a document number. Only the query's length is journalled.
/// </summary>
internal sealed class SearchModel(CaseAccess access, LiaisonDb db, NodeConfig node, TimeProvider clock) : CasePageModel(access)
{
    public const int Limit = 100;

    public override string Tab => "search";

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    public RecordsTable? Results { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var query = Q?.Trim();
        var subject = string.IsNullOrEmpty(query) ? "search form" : $"query of {query.Length} characters";
        if (await OpenAsync(PolicyAction.Search, subject, ct: ct) is { } refused)
        {
            return refused;
        }
        if (string.IsNullOrEmpty(query))
        {
            return Page();
        }
        if (query.Length > 200)
        {
            Error = "A query is at most 200 characters.";
            return Page();
        }
        var rows = await new RecordSearch(db, new PhoneNumberNormalizer(node.PhoneRegion), Liaison.Core.Policy.Retention.RetentionDay.Today(clock)).FindAsync(query, [CaseId], Limit, ct);
        Results = new RecordsTable(CaseId, rows);
        Mark(PageMarking.Of(rows.Select(r => (r.Tlp, r.HandlingCodes))));
        return Page();
    }
}
