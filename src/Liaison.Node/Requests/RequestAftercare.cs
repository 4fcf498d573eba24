using System.Text;
using System.Threading.Channels;
using Liaison.Core.Identifiers;
using Liaison.Core.Requests;
using Liaison.Core.Requests.CallRecords;
using Liaison.Core.Requests.Workflow;
using Liaison.Ledger.Custody;
using Liaison.Storage;
using Liaison.Storage.Import;
using Liaison.Storage.Requests;
using Microsoft.EntityFrameworkCore;

namespace Liaison.Node.Requests;

/// <summary>
/// What follows a message from the other end once the exchange inbox has committed it: the transition's
/// ledger entry, the custody steps of received evidence ("received-from"), and the import of call-detail
/// records into the case (then "accessed"). These cannot run inside the inbox's transaction: the ledger and
/// the CDR import write through their own connections, and SQLite has one writer. Each pass picks up
/// whatever is not yet done, so a crash between commit and journal is healed by the next pass.
/// </summary>
public sealed class RequestAftercare(IServiceScopeFactory scopes, TimeProvider clock, ILogger<RequestAftercare> log) : BackgroundService
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(100);

    // One pass at a time (its own loop and the deadline worker's sweep), or a step could be journalled twice.
    private readonly SemaphoreSlim _one = new(1, 1);

    /// <summary>Asks for a pass soon (called inside the inbox transaction, so the pass waits for it to commit).</summary>
    public void Signal() => _wake.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Whatever a stop between an inbox commit and its aftercare left undone is picked up at start.
        Signal();
        await foreach (var _ in _wake.Reader.ReadAllAsync(stoppingToken))
        {
            // The signal comes from inside a transaction that commits right after: look a few times.
            for (var attempt = 0; attempt < 50; attempt++)
            {
                try
                {
                    if (await RunOnceAsync(stoppingToken) > 0)
                    {
                        break;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "request aftercare pass failed; it is retried");
                }
                await Task.Delay(Settle, clock, stoppingToken);
            }
        }
    }

    /// <summary>One pass; returns how many transitions and packages it completed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await _one.WaitAsync(ct);
        try
        {
            return await PassAsync(ct);
        }
        finally
        {
            _one.Release();
        }
    }

    public override void Dispose()
    {
        _one.Dispose();
        base.Dispose();
    }

    private async Task<int> PassAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LiaisonDb>();
        var journal = scope.ServiceProvider.GetRequiredService<RequestJournal>();
        var rules = scope.ServiceProvider.GetRequiredService<RequestRulebook>();
        var evidence = scope.ServiceProvider.GetRequiredService<EvidenceDesk>();
        var done = 0;
        var pending = await db.Set<RequestTransitionRow>().Where(t => t.LedgerIndex == null).OrderBy(t => t.Id).ToListAsync(ct);
        foreach (var t in pending)
        {
            var request = await db.Set<RequestRow>().AsNoTracking().FirstAsync(r => r.Id == t.RequestId, ct);
            var action = Enum.Parse<RequestAction>(t.Action);
            if (!FromTheOtherEnd(request.Direction, action))
            {
                continue; // Local steps are journalled by the action itself; history carried in a request was journalled at its origin.
            }
            var counterpart = request.Direction == RequestDirection.Outgoing ? request.AddresseeId : request.RequesterId;
            var transition = new RequestTransition(t.RequestId, t.FromState is null ? null : Enum.Parse<RequestState>(t.FromState), Enum.Parse<RequestState>(t.ToState),
                action, t.ActorId, Enum.Parse<RequestRole>(t.ActorRole), t.At, t.Reason, t.RefusalReason is null ? null : Enum.Parse<RefusalReason>(t.RefusalReason));
            await journal.TransitionAsync(transition, request.CaseId, null, t, via: "peer:" + counterpart, ct);
            done++;
        }
        var packages = await db.Set<EvidencePackageRow>().Include(p => p.Files).Where(p => p.Direction == RequestDirection.Incoming && !p.CustodyJournalled).ToListAsync(ct);
        foreach (var package in packages)
        {
            var row = await db.Set<RequestRow>().AsNoTracking().FirstAsync(r => r.Id == package.RequestId, ct);
            var request = RequestDocument.Read(row.Document);
            foreach (var f in package.Files)
            {
                await journal.CustodyAsync(f.Sha256, CustodyAction.ReceivedFrom, "node:" + rules.Node.NodeId, package.Responder, row.CaseId, request.Id,
                    "manifest " + package.ManifestDigest, ct);
            }
            foreach (var f in package.Files)
            {
                await ImportCallRecordsAsync(db, journal, evidence, rules, row, request, f, ct);
            }
            package.CustodyJournalled = true;
            await db.SaveChangesAsync(ct);
            done++;
        }
        return done;
    }

    /// <summary>Steps the node at the other end takes, which reach this node as messages.</summary>
    internal static bool FromTheOtherEnd(string direction, RequestAction action) => direction == RequestDirection.Outgoing
        ? RequestStateMachine.IsAddresseeAction(action)
        : action is RequestAction.Send or RequestAction.AnswerClarification or RequestAction.Withdraw;

    /// <summary>
    /// Call-detail records in a verified package go into the case through the node's CDR import (so the analysis
    /// sees them at once), with the request and file as provenance. A file not wholly within the request (period,
    /// numbers that are not targets, bad rows) is kept as evidence but not imported, and the ledger says why.
    /// </summary>
    private async Task ImportCallRecordsAsync(LiaisonDb db, RequestJournal journal, EvidenceDesk evidence, RequestRulebook rules, RequestRow row,
        DataAccessRequest request, EvidenceFileRow file, CancellationToken ct)
    {
        var content = await File.ReadAllBytesAsync(evidence.Store.PathOf(EvidenceDigest.Prefix + file.Sha256), ct);
        if (!IsCallRecords(file.MediaType, content))
        {
            return;
        }
        var node = rules.Node;
        var region = request.Addressee.Jurisdiction is { Length: 2 } j && j != "EU" ? j : node.PhoneRegion;
        var check = new CallDetailRecordReader(new PhoneNumberNormalizer(region)).Read(request, file.Name, new StringReader(Encoding.UTF8.GetString(content)));
        var actor = "node:" + node.NodeId;
        if (!check.IsClean)
        {
            await journal.CustodyAsync(file.Sha256, CustodyAction.Accessed, actor, null, row.CaseId, request.Id,
                $"not imported: {check.Errors.Count} rows outside the request, first {check.Errors[0]}", ct);
            return;
        }
        var result = await new ImportService(node, clock).ImportAsync(() => new MemoryStream(content, writable: false), $"request-{request.Id}-{file.Name}",
            new ImportOptions { CaseId = row.CaseId, ImportedBy = "request:" + request.Id, Format = "cdr", Force = true }, ct);
        file.ImportId = result.ImportId;
        await db.SaveChangesAsync(ct);
        await journal.CustodyAsync(file.Sha256, CustodyAction.Accessed, actor, null, row.CaseId, request.Id,
            $"imported {result.Accepted} call records into the case as import {result.ImportId}", ct);
    }

    private static bool IsCallRecords(string mediaType, byte[] content)
    {
        if (!mediaType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        var firstLine = Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 512)).Split('\n')[0].Trim().TrimStart('\uFEFF');
        var columns = firstLine.Split(',').Select(c => c.Trim().ToLowerInvariant()).ToHashSet();
        return CallDetailRecordReader.Columns.All(columns.Contains);
    }
}
