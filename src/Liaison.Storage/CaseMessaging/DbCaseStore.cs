using System.Text.Json;
using Liaison.Exchange.Cases;
using Liaison.Storage.Records;
using Liaison.Storage.Rows;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.CaseMessaging;

/// <summary>
/// Case messaging state in the node's database. Every call works on the caller's <see cref="LiaisonDb"/>
/// and saves at once, so it joins whatever transaction is open on it (the endpoint's, or the inbox
/// transaction when an incoming message is applied). A received copy also becomes a read-only row of
/// <c>records</c> (see <see cref="ReceivedCopies"/>), indexed for the identifier search through
/// <paramref name="identifiers"/> (the receiving side must pass it; the sending side never stores copies).
/// </summary>
public sealed class DbCaseStore(LiaisonDb db, ReceivedCopyIdentifiers? identifiers = null) : ICaseStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<CaseThread?> FindThreadAsync(string threadId, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<CaseThreadRow>().AsNoTracking().FirstOrDefaultAsync(t => t.ThreadId == threadId, cancellationToken);
        if (row is null)
        {
            return null;
        }
        var thread = new CaseThread(row.ThreadId, row.CaseReference, row.Subject, row.Participants.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var messages = await db.Set<CaseMessageRow>().AsNoTracking().Where(m => m.ThreadId == threadId).ToListAsync(cancellationToken);
        foreach (var m in messages)
        {
            thread.Restore(new CaseMessage(m.MessageId, m.ThreadId, m.Author, m.SentAt, m.Text,
                JsonSerializer.Deserialize<List<SharedRecord>>(m.RecordsJson, Json) ?? []));
        }
        return thread;
    }

    public async Task SaveThreadAsync(CaseThread thread, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(thread);
        if (!await db.Set<CaseThreadRow>().AnyAsync(t => t.ThreadId == thread.ThreadId, cancellationToken))
        {
            db.Add(new CaseThreadRow
            {
                ThreadId = thread.ThreadId, CaseReference = thread.CaseReference, Subject = thread.Subject,
                Participants = string.Join(' ', thread.Participants),
            });
        }
        var ids = thread.Messages.Select(m => m.MessageId).ToList();
        var held = await db.Set<CaseMessageRow>().Where(m => ids.Contains(m.MessageId)).Select(m => m.MessageId).ToListAsync(cancellationToken);
        foreach (var m in thread.Messages.Where(m => !held.Contains(m.MessageId)))
        {
            db.Add(new CaseMessageRow
            {
                MessageId = m.MessageId, ThreadId = m.ThreadId, Author = m.Author, SentAt = m.SentAt.ToUniversalTime(), Text = m.Text,
                RecordsJson = JsonSerializer.Serialize(m.Records, Json),
            });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<ReceivedCopy?> FindCopyAsync(string originNode, string recordId, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<ReceivedCopyRow>().AsNoTracking().FirstOrDefaultAsync(c => c.OriginNode == originNode && c.RecordId == recordId, cancellationToken);
        return row is null ? null : ToCopy(row);
    }

    public async Task<IReadOnlyList<ReceivedCopy>> ListCopiesAsync(CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<ReceivedCopyRow>().AsNoTracking().OrderBy(c => c.RecordId).ToListAsync(cancellationToken);
        return rows.Select(ToCopy).ToList();
    }

    public async Task SaveCopyAsync(ReceivedCopy copy, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(copy);
        var localId = ReceivedCopies.LocalId(copy.OriginNode, copy.RecordId);
        var row = await db.Set<ReceivedCopyRow>().FirstOrDefaultAsync(c => c.OriginNode == copy.OriginNode && c.RecordId == copy.RecordId, cancellationToken);
        if (row is null)
        {
            db.Add(new ReceivedCopyRow
            {
                OriginNode = copy.OriginNode, RecordId = copy.RecordId, LocalId = localId, SharedBy = copy.SharedBy, ThreadId = copy.ThreadId,
                ReceivedAt = copy.ReceivedAt.ToUniversalTime(), Version = copy.Version, SharedJson = JsonSerializer.Serialize(copy.Shared, Json),
            });
        }
        else
        {
            row.SharedBy = copy.SharedBy;
            row.ThreadId = copy.ThreadId;
            row.ReceivedAt = copy.ReceivedAt.ToUniversalTime();
            row.Version = copy.Version;
            row.SharedJson = JsonSerializer.Serialize(copy.Shared, Json);
        }
        await ReceivedCopies.FileAsync(db, copy, identifiers, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RemoveCopyAsync(string originNode, string recordId, CancellationToken cancellationToken = default)
    {
        var localId = ReceivedCopies.LocalId(originNode, recordId);
        await db.Set<ReceivedCopyRow>().Where(c => c.OriginNode == originNode && c.RecordId == recordId).ExecuteDeleteAsync(cancellationToken);
        await db.Identifiers.Where(i => i.RecordId == localId).ExecuteDeleteAsync(cancellationToken);
        await db.Records.Where(r => r.Id == localId && r.IsReceivedCopy).ExecuteDeleteAsync(cancellationToken);
    }

    public async Task<int?> WithdrawnAtAsync(string originNode, string recordId, CancellationToken cancellationToken = default) =>
        await db.Set<CaseWithdrawalRow>().AsNoTracking().Where(w => w.OriginNode == originNode && w.RecordId == recordId)
            .Select(w => (int?)w.Version).FirstOrDefaultAsync(cancellationToken);

    public async Task AddWithdrawalAsync(string originNode, string recordId, int version, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<CaseWithdrawalRow>().FirstOrDefaultAsync(w => w.OriginNode == originNode && w.RecordId == recordId, cancellationToken);
        if (row is null)
        {
            db.Add(new CaseWithdrawalRow { OriginNode = originNode, RecordId = recordId, Version = version });
        }
        else
        {
            row.Version = Math.Max(row.Version, version);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task AddShareAsync(string originNode, string recordId, string recipient, string threadId, CancellationToken cancellationToken = default)
    {
        var exists = await db.Set<CaseShareRow>().AnyAsync(s => s.OriginNode == originNode && s.RecordId == recordId && s.Recipient == recipient
                                                                   && s.ThreadId == threadId, cancellationToken);
        if (!exists)
        {
            db.Add(new CaseShareRow { OriginNode = originNode, RecordId = recordId, Recipient = recipient, ThreadId = threadId });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task<IReadOnlyList<(string Recipient, string ThreadId)>> ListSharesAsync(string originNode, string recordId,
        CancellationToken cancellationToken = default)
    {
        var rows = await db.Set<CaseShareRow>().AsNoTracking().Where(s => s.OriginNode == originNode && s.RecordId == recordId)
            .OrderBy(s => s.Recipient).ThenBy(s => s.ThreadId).ToListAsync(cancellationToken);
        return rows.Select(s => (s.Recipient, s.ThreadId)).ToList();
    }

    public async Task<int> OwnVersionAsync(string recordId, CancellationToken cancellationToken = default) =>
        await db.Set<OwnRecordVersionRow>().AsNoTracking().Where(v => v.RecordId == recordId).Select(v => v.Version).FirstOrDefaultAsync(cancellationToken);

    public async Task SetOwnVersionAsync(string recordId, int version, CancellationToken cancellationToken = default)
    {
        var row = await db.Set<OwnRecordVersionRow>().FirstOrDefaultAsync(v => v.RecordId == recordId, cancellationToken);
        if (row is null)
        {
            db.Add(new OwnRecordVersionRow { RecordId = recordId, Version = version });
        }
        else
        {
            row.Version = version;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static ReceivedCopy ToCopy(ReceivedCopyRow row) =>
        new(JsonSerializer.Deserialize<SharedRecord>(row.SharedJson, Json) ?? throw new InvalidDataException($"received copy {row.LocalId} has no record"),
            row.SharedBy, row.ThreadId, row.ReceivedAt);
}
