using System.Text.Json;
using Liaison.Core.Model;
using Liaison.Core.Policy;
using Liaison.Node.Web.Cases;
using Liaison.Node.Web.Markings;
using Liaison.Storage;
using Liaison.Storage.Records;
using Liaison.Storage.Rows;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Liaison.Storage.Retention;

namespace Liaison.Node.Web.Pages.Cases;

/// <summary>
/// One record: its properties (entity references as links), its envelope (markings, grading, subjects,
/// legal basis, review date), its provenance (import file and hash), the links and events that name it,
/// and for a phone the call-detail records with its number. Only records of the same case are shown.
/// </summary>
internal sealed class EntityModel(CaseAccess access, LiaisonDb db, TimeProvider clock, Liaison.Storage.Nodes.NodeConfig node) : CasePageModel(access)
{
    private const int MaxLinks = 300;

    public override string Tab => "records";

    [BindProperty(SupportsGet = true)]
    public string Id { get; set; } = "";

    public RecordRow Row { get; private set; } = null!;
    public EntityRecord Record { get; private set; } = null!;
    public Schema? Schema { get; private set; }
    public ImportRow? Import { get; private set; }
    public IReadOnlyList<PropertyView> Properties { get; private set; } = [];
    public IReadOnlyList<LinkView> Links { get; private set; } = [];
    public CallSummary? Calls { get; private set; }

    /// <summary>Whom the record was sent to in case messages, and a received copy's origin.</summary>
    public Liaison.Node.Web.Messages.RecordSharing? Sharing { get; private set; }

    /// <summary>A property and its values; an entity reference to a record of the case carries that record.</summary>
    public sealed record PropertyView(string Name, PropertyType Type, IReadOnlyList<(string Value, LinkedEntity? Entity)> Values);

    /// <summary>A record of the case at the other end of a link.</summary>
    public sealed record LinkedEntity(string Id, string Caption, string Schema, int Tlp, int Handling);

    /// <summary>A link or event naming this record: how (the property it is named in) and what is at the other ends.</summary>
    public sealed record LinkView(RecordRow Link, string Role, IReadOnlyList<LinkedEntity> Others);

    /// <summary>Call-detail records with one of this record's numbers.</summary>
    public sealed record CallSummary(long Calls, IReadOnlyList<(string Number, long Calls, LinkedEntity? Entity)> Counterparts);

    /// <summary>The records this page may show: none past its review date, whether opened, linked or calling.</summary>
    private IQueryable<RecordRow> Records => db.Records.AsNoTracking().InForce(Liaison.Core.Policy.Retention.RetentionDay.Today(clock));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // A received copy's id is "{origin}/{id}"; routing leaves the escaped slash of its link undecoded.
        Id = Id.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);
        var row = await Records.FirstOrDefaultAsync(r => r.Id == Id, ct);
        var record = row is null ? null : RecordRowMapper.ToRecord(row);
        if (await OpenAsync(PolicyAction.ReadRecord, $"record {Clip(Id)}", record, ct) is { } refused)
        {
            return refused;
        }
        if (row is null || row.CaseId != CaseId)
        {
            return this.NotFoundPage();
        }
        Row = row;
        Record = record!;
        Schema = Schemata.TryGet(row.Schema, out var schema) ? schema : null;
        Import = row.ImportId is { } importId ? await db.Imports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == importId, ct) : null;
        // Properties are stored as JSON written with the default serializer, so the id appears exactly as it serialises.
        var needle = JsonSerializer.Serialize(Id);
        var links = await Records
            .Where(r => r.CaseId == CaseId && r.Id != Id && r.PropertiesJson.Contains(needle))
            .OrderBy(r => r.Schema).ThenBy(r => r.Caption).Take(MaxLinks).ToListAsync(ct);
        var linkRecords = links.Select(l => (Row: l, Record: RecordRowMapper.ToRecord(l))).ToList();
        var referenced = Record.Properties.Where(p => Schema?.TypeOf(p.Key) == PropertyType.Entity).SelectMany(p => p.Value)
            .Concat(linkRecords.SelectMany(l => l.Record.Properties.Where(p => Kind(l.Row.Schema, p.Key) == PropertyType.Entity).SelectMany(p => p.Value)))
            .Where(v => v != Id).Distinct(StringComparer.Ordinal).ToList();
        var entities = await Records.Where(r => r.CaseId == CaseId && referenced.Contains(r.Id))
            .Select(r => new LinkedEntity(r.Id, r.Caption, r.Schema, r.Tlp, r.HandlingCodes)).ToDictionaryAsync(e => e.Id, StringComparer.Ordinal, ct);
        Properties = Record.Properties.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new PropertyView(p.Key, Schema?.TypeOf(p.Key) ?? PropertyType.Text,
                p.Value.Select(v => (v, Schema?.TypeOf(p.Key) == PropertyType.Entity ? entities.GetValueOrDefault(v) : null)).ToList()))
            .ToList();
        Links = linkRecords.Select(l => View(l.Row, l.Record, entities)).ToList();
        Calls = await CallsAsync(entities, ct);
        Sharing = await Liaison.Node.Web.Messages.RecordSharing.OfAsync(db, node.NodeId, row, ct);
        Mark(PageMarking.Of(new[] { (row.Tlp, row.HandlingCodes) }
            .Concat(links.Select(l => (l.Tlp, l.HandlingCodes)))
            .Concat(entities.Values.Select(e => (e.Tlp, e.Handling)))));
        return Page();
    }

    private LinkView View(RecordRow row, EntityRecord record, Dictionary<string, LinkedEntity> entities)
    {
        var roles = record.Properties.Where(p => p.Value.Contains(Id, StringComparer.Ordinal) && Kind(row.Schema, p.Key) == PropertyType.Entity).Select(p => p.Key).ToList();
        var others = record.Properties.Where(p => Kind(row.Schema, p.Key) == PropertyType.Entity).SelectMany(p => p.Value)
            .Where(v => v != Id).Distinct(StringComparer.Ordinal).Select(entities.GetValueOrDefault).OfType<LinkedEntity>().ToList();
        return new LinkView(row, roles.Count == 0 ? "mentioned" : string.Join(", ", roles), others);
    }

    private async Task<CallSummary?> CallsAsync(Dictionary<string, LinkedEntity> known, CancellationToken ct)
    {
        var phone = (int)IdentifierKind.Phone;
        var numbers = await db.Identifiers.AsNoTracking().Where(i => i.RecordId == Id && i.Kind == phone).Select(i => i.Value).Distinct().ToListAsync(ct);
        if (numbers.Count == 0)
        {
            return null;
        }
        // Two queries, each on its index (case and caller, case and callee), grouped here: with a GROUP BY,
        // or one OR of both, SQLite prefers to scan every call of the case.
        var outgoing = (await db.CallRecords.AsNoTracking().InForce(Liaison.Core.Policy.Retention.RetentionDay.Today(clock)).Where(c => c.CaseId == CaseId && numbers.Contains(c.Caller)).Select(c => c.Callee).ToListAsync(ct))
            .GroupBy(n => n, StringComparer.Ordinal).Select(g => new { Number = g.Key, Count = g.LongCount() }).ToList();
        var incoming = (await db.CallRecords.AsNoTracking().InForce(Liaison.Core.Policy.Retention.RetentionDay.Today(clock)).Where(c => c.CaseId == CaseId && numbers.Contains(c.Callee)).Select(c => c.Caller).ToListAsync(ct))
            .GroupBy(n => n, StringComparer.Ordinal).Select(g => new { Number = g.Key, Count = g.LongCount() }).ToList();
        // A call between two of the record's own numbers is in both lists.
        var total = outgoing.Sum(x => x.Count) + incoming.Sum(x => x.Count) - outgoing.Where(x => numbers.Contains(x.Number)).Sum(x => x.Count);
        if (total == 0)
        {
            return new CallSummary(0, []);
        }
        var top = outgoing.Concat(incoming).Where(x => !numbers.Contains(x.Number)).GroupBy(x => x.Number, StringComparer.Ordinal).Select(g => (Number: g.Key, Count: g.Sum(x => x.Count)))
            .OrderByDescending(x => x.Count).ThenBy(x => x.Number, StringComparer.Ordinal).Take(10).ToList();
        var topNumbers = top.Select(t => t.Number).ToList();
        var holders = await db.Identifiers.AsNoTracking().Where(i => i.CaseId == CaseId && i.Kind == phone && topNumbers.Contains(i.Value))
            
            .Join(Records, i => i.RecordId, r => r.Id, (i, r) => new { i.Value, Entity = new LinkedEntity(r.Id, r.Caption, r.Schema, r.Tlp, r.HandlingCodes) })
            .ToListAsync(ct);
        var byNumber = holders.GroupBy(h => h.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(h => h.Entity).OrderBy(e => e.Schema == "Phone" ? 0 : 1).First(), StringComparer.Ordinal);
        foreach (var e in byNumber.Values)
        {
            known.TryAdd(e.Id, e);
        }
        return new CallSummary(total, top.Select(t => (t.Number, t.Count, byNumber.GetValueOrDefault(t.Number))).ToList());
    }

    private static PropertyType Kind(string schema, string property) =>
        Schemata.TryGet(schema, out var s) ? s.TypeOf(property) : PropertyType.Text;

    public string EntityPath(string id) => CasePath("entities/" + Uri.EscapeDataString(id));

    /// <summary>Record ids are caller-supplied and go into the journal; bound them.</summary>
    private static string Clip(string id) => id.Length <= 200 ? id : id[..200];
}
