using Liaison.Core.Policy;
using Liaison.Node.Web.Cases;
using Liaison.Storage;
using Liaison.Storage.Nodes;
using Liaison.Storage.Rows;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Liaison.Storage.Retention;

namespace Liaison.Node.Web.Pages.Cases;

/// <summary>One import's outcome: file, format, SHA-256, counts per type, and the first rejected rows (ids, fields, reasons — no values).</summary>
internal sealed class ImportResultModel(CaseAccess access, LiaisonDb db, NodeConfig node, TimeProvider clock) : CasePageModel(access)
{
    private const int RejectsShown = 50;

    public override string Tab => "import";

    [BindProperty(SupportsGet = true)]
    public long ImportId { get; set; }

    public ImportRow Import { get; private set; } = null!;
    public IReadOnlyList<(string Schema, long Count)> BySchema { get; private set; } = [];
    public IReadOnlyList<string[]> Rejects { get; private set; } = [];
    public long CallRecords { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await OpenAsync(PolicyAction.Search, $"import #{ImportId}", ct: ct) is { } refused)
        {
            return refused;
        }
        var import = await db.Imports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == ImportId && i.CaseId == CaseId, ct);
        if (import is null)
        {
            return this.NotFoundPage();
        }
        Import = import;
        BySchema = (await db.Records.AsNoTracking().InForce(Liaison.Core.Policy.Retention.RetentionDay.Today(clock)).Where(r => r.ImportId == ImportId && r.CaseId == CaseId).GroupBy(r => r.Schema)
            .Select(g => new { g.Key, Count = g.LongCount() }).ToListAsync(ct)).OrderByDescending(g => g.Count).Select(g => (g.Key, g.Count)).ToList();
        CallRecords = await db.CallRecords.InForce(Liaison.Core.Policy.Retention.RetentionDay.Today(clock)).LongCountAsync(c => c.ImportId == ImportId && c.CaseId == CaseId, ct);
        Rejects = await ReadRejectsAsync(ct);
        return Page();
    }

    /// <summary>The rejects report <see cref="Storage.Import.ImportService"/> wrote next to the database, if any.</summary>
    private async Task<IReadOnlyList<string[]>> ReadRejectsAsync(CancellationToken ct)
    {
        var path = Path.Combine(node.Directory, "imports", $"{Import.Id}-{Path.GetFileNameWithoutExtension(Import.FileName)}.rejects.csv");
        if (Import.Rejected == 0 || !System.IO.File.Exists(path))
        {
            return [];
        }
        var rows = new List<string[]>();
        using var reader = new StreamReader(path);
        await reader.ReadLineAsync(ct);
        while (rows.Count < RejectsShown && await reader.ReadLineAsync(ct) is { } line)
        {
            rows.Add(SplitCsv(line));
        }
        return rows;
    }

    private static string[] SplitCsv(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }
        fields.Add(current.ToString());
        return fields.ToArray();
    }
}
