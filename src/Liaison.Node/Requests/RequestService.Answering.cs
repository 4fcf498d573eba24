using Liaison.Core.Requests;

namespace Liaison.Node.Requests;

/// <summary>The addressee's answer with evidence: packed and signed, then stored and enqueued with the fulfilment.</summary>
public sealed partial class RequestService
{
    public async Task<DataAccessRequest> FulfilAsync(string requestId, RequestActor actor, bool partly, string? whatIsMissing, IReadOnlyList<EvidenceUpload> files,
        string? purpose, CancellationToken ct)
    {
        var (row, request) = await _store.LoadAsync(requestId, ct) ?? throw new RequestNotFoundException(requestId);
        if (row.Screening is not null)
        {
            throw new ScreeningObjectionException(requestId);
        }
        // The workflow is asked first so that a fulfilment that is not allowed stores no evidence.
        _ = partly ? rules.Workflow.FulfilPartly(request, actor, whatIsMissing ?? "") : rules.Workflow.Fulfil(request, actor);
        var (manifest, contents) = await evidence.PackAsync(request, files, ct);
        var action = partly ? RequestAction.FulfilPartly : RequestAction.Fulfil;
        var message = new RequestStepMessage(requestId, action, actor, Manifest: manifest.ToJson(), Files: contents);
        // Both ends record the manifest's digest in the transition, so either ledger names the package answered.
        var note = partly ? $"{whatIsMissing?.Trim()} (package {manifest.Digest()})" : "package " + manifest.Digest();
        return await ActAsync(requestId, purpose, r => partly ? rules.Workflow.FulfilPartly(r, actor, note) : rules.Workflow.Fulfil(r, actor, note), ct,
            afterSave: (saved, step) => evidence.RecordSentAsync(saved, step.Request, manifest, actor.Id, ct), evidenceMessage: message);
    }
}

/// <summary>The provider's screening found grounds to refuse; the request can be refused, not fulfilled.</summary>
public sealed class ScreeningObjectionException(string requestId)
    : Exception($"request '{requestId}' failed this provider's screening (see its screening grounds); refuse it with one of those reasons or ask for clarification");
