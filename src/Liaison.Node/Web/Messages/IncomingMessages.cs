using System.Text.Json;
using Liaison.Exchange.Cases;
using Liaison.Node.Web.Markings;
using Liaison.Storage;
using Liaison.Storage.CaseMessaging;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Web.Messages;

/// <summary>A message a peer sent about one of the user's cases, for the dashboard: who, when, which case, how many records, its marking.</summary>
internal sealed record IncomingMessage(string CaseId, string From, DateTimeOffset SentAt, int Records, PageMarking Marking);

/// <summary>
/// The newest messages peers sent in threads of the cases the user may see. A thread is filed under
/// the originating node's case reference, so an incoming case <c>{peer}:{ref}</c> holds that peer's
/// threads under <c>ref</c> (as <see cref="Liaison.Node.CaseMessaging.CaseDesk.ThreadsAsync"/> reads them).
/// </summary>
internal static class IncomingMessages
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IReadOnlyList<IncomingMessage>> NewestAsync(LiaisonDb db, string nodeId, IReadOnlyCollection<string> visibleCases, int count,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(visibleCases);
        var references = visibleCases.Select(c => c.Contains(':', StringComparison.Ordinal) ? c[(c.IndexOf(':', StringComparison.Ordinal) + 1)..] : c)
            .Concat(visibleCases).Distinct(StringComparer.Ordinal).ToList();
        var threads = await db.Set<CaseThreadRow>().AsNoTracking().Where(t => references.Contains(t.CaseReference)).ToListAsync(ct);
        var caseOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var t in threads)
        {
            var participants = t.Participants.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var local = visibleCases.Contains(t.CaseReference) ? t.CaseReference
                : participants.Select(p => $"{p}:{t.CaseReference}").FirstOrDefault(visibleCases.Contains);
            if (local is not null)
            {
                caseOf[t.ThreadId] = local;
            }
        }
        var ids = caseOf.Keys.ToList();
        var rows = await db.Set<CaseMessageRow>().AsNoTracking().Where(m => ids.Contains(m.ThreadId) && m.Author != nodeId)
            .OrderByDescending(m => m.SentAt).Take(count).ToListAsync(ct);
        return rows.Select(m =>
        {
            var records = JsonSerializer.Deserialize<List<SharedRecord>>(m.RecordsJson, Json) ?? [];
            var marking = PageMarking.Of(records.Select(SharedRecordMarking.Of).Append(SharedRecordMarking.MessageFloor));
            return new IncomingMessage(caseOf[m.ThreadId], m.Author, m.SentAt, records.Count, marking);
        }).ToList();
    }
}
