using Liaison.Exchange.Cases;
using Liaison.Node.Api;

namespace Liaison.Node.CaseMessaging;

/// <summary>Case messaging over HTTP: a case's threads, posting to a peer with records, sending a shared record's update, withdrawing it.</summary>
internal static class CaseMessagingApi
{
    public sealed record PostBody(string? Peer, string? Text, List<string>? RecordIds, string? Purpose);

    public sealed record RecordView(string Id, string Schema, string OriginNode, string OriginAgency, string CaseId, int Version, string Tlp, string Handling,
        string Grading, Dictionary<string, List<string>> Properties);

    public sealed record MessageView(string MessageId, string Author, DateTimeOffset SentAt, string Text, IEnumerable<RecordView> Records);

    public sealed record ThreadView(string ThreadId, string CaseReference, string Subject, IReadOnlyList<string> Participants, IEnumerable<MessageView> Messages);

    public static RouteGroupBuilder MapCaseMessagingApi(this RouteGroupBuilder group)
    {
        group.MapGet("/{caseId}/messages", async (string caseId, string? purpose, CaseDesk desk, CancellationToken ct) =>
        {
            var (decision, threads) = await desk.ThreadsAsync(caseId, purpose, ct);
            return !decision.IsPermitted ? Decisions.DeniedRead($"case '{caseId}'") : Results.Ok(threads.Select(View));
        }).WithSummary("The case's message threads with peers, with the records attached as they were sent");

        group.MapPost("/{caseId}/messages", (string caseId, PostBody body, CaseDesk desk, CancellationToken ct) =>
            Answer(async () =>
            {
                var message = await desk.PostAsync(caseId, body.Peer, body.Text, body.RecordIds ?? [], body.Purpose, ct);
                return Results.Ok(new { message.MessageId, message.ThreadId, records = message.Records.Select(r => r.Id) });
            })).WithSummary("Write to a peer in the case's thread, with records attached (each through the share decision)");

        group.MapPost("/{caseId}/records/{recordId}/update", (string caseId, string recordId, string? purpose, CaseDesk desk, CancellationToken ct) =>
            Answer(async () => Results.Ok(new { recipients = await desk.SendUpdateAsync(caseId, recordId, purpose, ct) })))
            .WithSummary("Send the current version of a shared record to every peer that holds a copy");

        group.MapPost("/{caseId}/records/{recordId}/withdraw", (string caseId, string recordId, string? purpose, CaseDesk desk, CancellationToken ct) =>
            Answer(async () => Results.Ok(new { recipients = await desk.WithdrawAsync(caseId, recordId, purpose, ct) })))
            .WithSummary("Withdraw a shared record: every peer that holds a copy deletes it");
        return group;
    }

    private static async Task<IResult> Answer(Func<Task<IResult>> act)
    {
        try
        {
            return await act();
        }
        catch (ShareDeniedException e)
        {
            return TypedResults.Problem(type: Problems.Base + "policy-denied", title: "Denied by policy", detail: e.Message,
                statusCode: StatusCodes.Status403Forbidden,
                extensions: new Dictionary<string, object?> { ["rule"] = e.Decision.Rule, ["record"] = e.RecordId });
        }
        catch (CaseMessagingInputException e)
        {
            return e.NotFound ? Problems.NotFound(e.Message) : Problems.BadRequest(e.Message);
        }
        catch (ReadOnlyCopyException e)
        {
            return TypedResults.Problem(title: "Read-only copy", detail: e.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static ThreadView View(CaseThread t) => new(t.ThreadId, t.CaseReference, t.Subject, t.Participants,
        t.Messages.Select(m => new MessageView(m.MessageId, m.Author, m.SentAt, m.Text, m.Records.Select(r =>
            new RecordView(r.Id, r.Schema, r.OriginNode, r.OriginAgency, r.CaseId, r.Version, r.Tlp, r.Handling, r.Grading, r.Properties)))));
}
