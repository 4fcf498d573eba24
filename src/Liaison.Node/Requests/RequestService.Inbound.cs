using System.Text;
using Liaison.Core.Identifiers;
using Liaison.Core.Requests;
using Liaison.Core.Requests.CallRecords;
using Liaison.Core.Requests.Provider;
using Liaison.Core.Requests.Workflow;
using Liaison.Ledger.Custody;
using Liaison.Storage.Import;
using Liaison.Storage.Nodes;
using Liaison.Storage.Requests;
using Liaison.Storage.Rows;

namespace Liaison.Node.Requests;

/// <summary>Messages from the node at the other end of a request, already opened and authenticated by the envelope.</summary>
public sealed partial class RequestService
{
    /// <summary>
    /// A request addressed to this node: stored in the inbox (under a case of its own) with the compliance
    /// screening; refused as a message (nothing stored) when it does not come from its requesting node or is
    /// not addressed here. Runs inside the exchange inbox's transaction, so the ledger entry is written by
    /// <see cref="RequestAftercare"/> once that transaction has committed.
    /// </summary>
    public async Task<RequestRow> ReceiveAsync(RequestSubmission submission, string sender, string signerKid, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var request = submission.Request ?? throw new ArgumentException("the submission carries no request");
        if (!string.Equals(request.Requester.NodeId, sender, StringComparison.Ordinal) || !string.Equals(request.Requester.AuthorityId, sender, StringComparison.Ordinal))
        {
            throw new RequestMessageRefusedException($"request '{request.Id}' names requester '{request.Requester.NodeId}' but came from '{sender}'");
        }
        if (!string.Equals(request.Addressee.Id, rules.Node.NodeId, StringComparison.Ordinal))
        {
            throw new RequestMessageRefusedException($"request '{request.Id}' is addressed to '{request.Addressee.Id}', not to this node");
        }
        if (request.State != RequestState.Sent || request.History.Count == 0 || request.History[^1].Action != RequestAction.Send)
        {
            throw new RequestMessageRefusedException($"request '{request.Id}' arrived in state {request.State}; only a request just sent is accepted");
        }
        var screening = await ScreenAsync(request, signerKid, ct);
        var caseId = RequestIds.InboxCase(request.Id);
        var now = clock.GetUtcNow();
        if (!db.Cases.Any(c => c.Id == caseId))
        {
            db.Cases.Add(new CaseRow { Id = caseId, Title = $"Request {request.Id} from {sender}", CreatedAt = now, CreatedBy = "peer:" + sender });
        }
        var row = await _store.AddAsync(request, RequestDirection.Incoming, now, screening.Grounds, caseId, ct);
        aftercare.Signal();
        return row;
    }

    /// <summary>
    /// The provider's checks (docs/requests.md, "Service-provider side"); an agency addressee only checks the
    /// request itself, since mutual assistance is not limited to a list of instruments and authorities.
    /// </summary>
    private async Task<Screening> ScreenAsync(DataAccessRequest request, string signerKid, CancellationToken ct)
    {
        ProviderProfile profile;
        if (rules.Settings.Provider is { } provider)
        {
            var authorities = new List<RecognisedAuthority>();
            var now = clock.GetUtcNow();
            foreach (var id in provider.Authorities)
            {
                if (await evidence.PeersAsync(id, ct) is { } peer)
                {
                    // The authority's keys that may sign now: the current one and, during a rotation's overlap, the
                    // previous one (a request signed just before the rotation); never a revoked or expired key.
                    var d = peer.Descriptor;
                    authorities.Add(new RecognisedAuthority(id, d.Jurisdiction,
                        d.Keys.Where(k => k.Jwk.Use == "sig" && d.VerifyingKey(k.Jwk.Kid, now, TimeSpan.Zero) is not null).Select(k => k.Jwk.Kid).ToHashSet(StringComparer.Ordinal)));
                }
            }
            profile = new ProviderProfile(rules.Node.NodeId, rules.Node.Jurisdiction, provider.AcceptedInstruments.ToHashSet(), authorities);
        }
        else
        {
            profile = new ProviderProfile(rules.Node.NodeId, rules.Node.Jurisdiction, Enum.GetValues<LegalInstrument>().ToHashSet(),
                [new RecognisedAuthority(request.Requester.AuthorityId, request.Requester.Jurisdiction, new HashSet<string>(StringComparer.Ordinal) { signerKid })]);
        }
        return new ComplianceDesk(profile, rules.Rules, clock).Screen(request, signerKid);
    }

    /// <summary>
    /// A step taken at the other end, replayed here through the same workflow with the actor the sending node
    /// vouches for. A fulfilment's package is checked first (signature, every file); a package that is not
    /// intact refuses the message and nothing is stored. Runs inside the inbox's transaction; journalling,
    /// custody and the import of call records follow in <see cref="RequestAftercare"/>.
    /// </summary>
    public async Task<DataAccessRequest> ApplyRemoteAsync(RequestStepMessage message, string sender, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(message);
        var (row, request) = await _store.LoadAsync(message.RequestId, ct) ?? throw new RequestMessageRefusedException($"request '{message.RequestId}' is not known here");
        var counterpart = row.Direction == RequestDirection.Outgoing ? request.Addressee.Id : request.Requester.NodeId;
        if (!string.Equals(counterpart, sender, StringComparison.Ordinal))
        {
            throw new RequestMessageRefusedException($"'{sender}' is not the other end of request '{request.Id}'");
        }
        // The sending node speaks for its own organisation only, whatever the message says.
        var actor = new RequestActor(message.Actor.Id, sender, message.Actor.Role);
        var allowedFromThem = row.Direction == RequestDirection.Outgoing
            ? RequestStateMachine.IsAddresseeAction(message.Action)
            : message.Action is RequestAction.AnswerClarification or RequestAction.Withdraw;
        if (!allowedFromThem)
        {
            throw new RequestMessageRefusedException($"{message.Action} on request '{request.Id}' is not for '{sender}' to take");
        }
        var w = rules.Workflow;
        var reason = message.Reason ?? "";
        var step = message.Action switch
        {
            RequestAction.Acknowledge => w.Acknowledge(request, actor),
            RequestAction.AskClarification => w.AskClarification(request, actor, reason),
            RequestAction.AnswerClarification => w.AnswerClarification(request, actor, reason),
            RequestAction.Fulfil => w.Fulfil(request, actor, message.Reason),
            RequestAction.FulfilPartly => w.FulfilPartly(request, actor, reason),
            RequestAction.Refuse => w.Refuse(request, actor, message.RefusalReason ?? throw new RequestMessageRefusedException("a refusal without a reason code"), reason),
            RequestAction.Withdraw => w.Withdraw(request, actor, reason),
            _ => throw new RequestMessageRefusedException($"{message.Action} is not an action the other end of a request takes"),
        };
        var package = default((Core.Requests.Evidence.EvidenceManifest, IReadOnlyList<(Core.Requests.Evidence.EvidenceFile File, byte[] Content)>)?);
        if (message.Action is RequestAction.Fulfil or RequestAction.FulfilPartly && message.Manifest is not null)
        {
            package = await evidence.CheckAsync(request, message.Manifest, message.Files ?? [], ct);
        }
        else if (message.Action == RequestAction.Fulfil)
        {
            throw new RequestMessageRefusedException($"a fulfilment of request '{request.Id}' without an evidence package");
        }
        await _store.SaveAsync(row, step.Request, clock.GetUtcNow(), ct);
        if (package is { } p)
        {
            await evidence.RecordReceivedAsync(step.Request, p.Item1, p.Item2, ct);
        }
        aftercare.Signal();
        return step.Request;
    }
}

/// <summary>A message from a peer about a request that this node does not accept (wrong sender, unknown request, bad package).</summary>
public sealed class RequestMessageRefusedException(string detail) : Exception(detail);
