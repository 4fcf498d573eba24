using System.Text.Json;
using Liaison.Core.Requests;
using Liaison.Core.Requests.Provider;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Storage.Requests;

/// <summary>
/// Requests and their transitions in the node's database. A step (the new request and its transition) is
/// written in one transaction, and only if nobody saved the request since it was read, so the stored
/// request, its state and its history never disagree.
/// </summary>
public sealed class RequestStore(LiaisonDb db)
{
    /// <summary>
    /// Stores a request this node has not seen before, with the transitions it carries. An incoming request is
    /// filed under <paramref name="localCaseId"/>, a case of this node, not under the requester's case id.
    /// </summary>
    public async Task<RequestRow> AddAsync(DataAccessRequest request, string direction, DateTimeOffset now, IReadOnlyList<RefusalGround>? screening = null,
        string? localCaseId = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await db.Set<RequestRow>().AnyAsync(r => r.Id == request.Id, ct))
        {
            throw new DuplicateRequestException(request.Id);
        }
        var row = new RequestRow
        {
            Id = request.Id, Direction = direction, CaseId = localCaseId ?? request.CaseId, Type = request.Type.ToString(), Instrument = request.Instrument?.ToString(),
            State = request.State.ToString(), RequesterId = request.Requester.AuthorityId, RequesterJurisdiction = request.Requester.Jurisdiction,
            AddresseeId = request.Addressee.Id, AddresseeJurisdiction = request.Addressee.Jurisdiction, DraftedBy = request.DraftedBy,
            CreatedAt = now, UpdatedAt = now, Document = RequestDocument.Write(request),
            Screening = screening is null || screening.Count == 0 ? null : JsonSerializer.Serialize(screening, RequestDocument.Options),
        };
        db.Add(row);
        for (var i = 0; i < request.History.Count; i++)
        {
            db.Add(TransitionRow(request.History[i], i));
        }
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>Saves <paramref name="next"/> over the stored request read as <paramref name="current"/>, with its new transitions.</summary>
    public async Task<IReadOnlyList<RequestTransitionRow>> SaveAsync(RequestRow current, DataAccessRequest next, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(next);
        var before = RequestDocument.Read(current.Document).History.Count;
        current.Document = RequestDocument.Write(next);
        current.State = next.State.ToString();
        current.Type = next.Type.ToString();
        current.Instrument = next.Instrument?.ToString();
        if (current.Direction == RequestDirection.Outgoing)
        {
            current.CaseId = next.CaseId;
        }
        current.AddresseeId = next.Addressee.Id;
        current.AddresseeJurisdiction = next.Addressee.Jurisdiction;
        current.UpdatedAt = now;
        current.Version++;
        var added = next.History.Skip(before).Select((t, i) => TransitionRow(t, before + i)).ToList();
        db.AddRange(added);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException e)
        {
            throw new RequestChangedException(current.Id, e);
        }
        catch (DbUpdateException e) when (e.InnerException?.Message.Contains("request_transitions", StringComparison.Ordinal) == true)
        {
            // The other writer's transitions took these sequence numbers first (EF inserts them before the version check runs).
            throw new RequestChangedException(current.Id, e);
        }
        return added;
    }

    public Task<RequestRow?> FindAsync(string id, CancellationToken ct = default) => db.Set<RequestRow>().FirstOrDefaultAsync(r => r.Id == id, ct);

    public async Task<(RequestRow Row, DataAccessRequest Request)?> LoadAsync(string id, CancellationToken ct = default) =>
        await FindAsync(id, ct) is { } row ? (row, RequestDocument.Read(row.Document)) : null;

    public Task<List<RequestRow>> OfCasesAsync(IReadOnlyCollection<string> cases, CancellationToken ct = default) =>
        db.Set<RequestRow>().AsNoTracking().Where(r => cases.Contains(r.CaseId)).OrderByDescending(r => r.UpdatedAt).ToListAsync(ct);

    public Task<List<RequestRow>> AllAsync(CancellationToken ct = default) => db.Set<RequestRow>().AsNoTracking().ToListAsync(ct);

    /// <summary>Outgoing requests the deadline monitor watches: awaiting an answer, or fulfilled preservation orders.</summary>
    public async Task<List<DataAccessRequest>> WatchedAsync(CancellationToken ct = default)
    {
        string[] states = [nameof(RequestState.Sent), nameof(RequestState.Acknowledged), nameof(RequestState.ClarificationRequested), nameof(RequestState.Fulfilled)];
        var rows = await db.Set<RequestRow>().AsNoTracking().Where(r => r.Direction == RequestDirection.Outgoing && states.Contains(r.State)).ToListAsync(ct);
        return rows.Select(r => RequestDocument.Read(r.Document)).ToList();
    }

    public Task<List<RequestTransitionRow>> TransitionsAsync(string requestId, CancellationToken ct = default) =>
        db.Set<RequestTransitionRow>().AsNoTracking().Where(t => t.RequestId == requestId).OrderBy(t => t.Sequence).ToListAsync(ct);

    public async Task SetLedgerIndexAsync(long transitionId, long index, CancellationToken ct = default)
    {
        var row = await db.Set<RequestTransitionRow>().FirstAsync(t => t.Id == transitionId, ct);
        row.LedgerIndex = index;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Records a deadline notice once; false when it was already acted on.</summary>
    public async Task<bool> MarkNoticeAsync(string key, string requestId, string kind, DateTimeOffset at, CancellationToken ct = default)
    {
        if (await db.Set<RequestNoticeRow>().AnyAsync(n => n.Key == key, ct))
        {
            return false;
        }
        db.Add(new RequestNoticeRow { Key = key, RequestId = requestId, Kind = kind, At = at });
        await db.SaveChangesAsync(ct);
        return true;
    }

    public Task<List<EvidencePackageRow>> PackagesAsync(string requestId, CancellationToken ct = default) =>
        db.Set<EvidencePackageRow>().AsNoTracking().Include(p => p.Files).Where(p => p.RequestId == requestId).OrderBy(p => p.Id).ToListAsync(ct);

    public async Task<EvidencePackageRow> AddPackageAsync(EvidencePackageRow package, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(package);
        db.Add(package);
        await db.SaveChangesAsync(ct);
        return package;
    }

    public async Task SetImportAsync(long fileId, long importId, CancellationToken ct = default)
    {
        var row = await db.Set<EvidenceFileRow>().FirstAsync(f => f.Id == fileId, ct);
        row.ImportId = importId;
        await db.SaveChangesAsync(ct);
    }

    private static RequestTransitionRow TransitionRow(RequestTransition t, int sequence) => new()
    {
        RequestId = t.RequestId, Sequence = sequence, FromState = t.From?.ToString(), ToState = t.To.ToString(), Action = t.Action.ToString(),
        ActorId = t.ActorId, ActorRole = t.ActorRole.ToString(), At = t.At, Reason = t.Reason, RefusalReason = t.RefusalReason?.ToString(),
    };
}

/// <summary>A request with this id is already stored (a replayed or duplicated message, or a clash of ids).</summary>
public sealed class DuplicateRequestException(string requestId) : InvalidOperationException($"request '{requestId}' already exists on this node")
{
    public string RequestId { get; } = requestId;
}

/// <summary>Somebody else saved the request since it was read; the caller should read it again and retry.</summary>
public sealed class RequestChangedException(string requestId, Exception inner)
    : InvalidOperationException($"request '{requestId}' was changed by someone else meanwhile; reload it and try again", inner)
{
    public string RequestId { get; } = requestId;
}
