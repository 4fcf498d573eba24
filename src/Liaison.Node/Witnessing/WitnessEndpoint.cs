using System.Text;
using Liaison.Ledger.Notes;
using Liaison.Ledger.Witnessing;
using Liaison.Node.Audit;
using Liaison.Node.Federation;
using Liaison.Storage.Ledger;

namespace Liaison.Node.Witnessing;

/// <summary>
/// <c>POST /api/ledger/witness/add-checkpoint</c>: C2SP tlog-witness <c>add-checkpoint</c> between
/// nodes. The body is exactly the spec's (<c>old N</c>, proof lines, blank line, signed checkpoint) and
/// so are the answers (200 with the cosignature line, 409 with <c>text/x.tlog.size</c>, 403, 404, 422);
/// the caller is a peer node, authenticated by the <see cref="LedgerKeyStatement"/> in the
/// <c>Liaison-Ledger-Keys</c> header, which also tells us its ledger key. The answer carries our own
/// statement back, so the caller learns our witness key the same way.
/// </summary>
internal static class WitnessEndpoint
{
    public const string Path = "/api/ledger/witness/add-checkpoint";
    private const int MaxBody = 64 * 1024;

    public static IEndpointRouteBuilder MapWitnessEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, async (HttpContext http, NodeFederation federation, PeerWitness witness, NodeLedger ledger, AuditJournal journal, CancellationToken ct) =>
            {
                if (!federation.IsAvailable)
                {
                    return Text(StatusCodes.Status503ServiceUnavailable, "witnessing is off: " + federation.UnavailableReason);
                }
                string sender;
                LedgerKeyStatement keys;
                try
                {
                    (sender, keys) = await LedgerKeyStatement.VerifyAsync(federation, http.Request.Headers[LedgerKeyStatement.Header], ct);
                }
                catch (WitnessingRefusedException e)
                {
                    await journal.RecordAsync("node:unauthenticated", "witness.add-checkpoint", "deny", rule: "tlog-witness", detail: e.Message, ct: ct);
                    return Text(e.Status, e.Message);
                }
                var body = await ReadBodyAsync(http.Request, ct);
                AddCheckpointRequest request;
                try
                {
                    request = AddCheckpointRequest.Parse(body ?? throw new NoteFormatException($"the request is larger than {MaxBody} bytes"));
                }
                catch (NoteFormatException e)
                {
                    await journal.RecordAsync("node:" + sender, "witness.add-checkpoint", "deny", rule: "tlog-witness", detail: "400 " + e.Message, ct: ct);
                    return Text(StatusCodes.Status400BadRequest, e.Message);
                }
                var response = await witness.AddCheckpointAsync(sender, keys.LedgerKey, request, journal, ct);
                var peer = await federation.Peers.FindAsync(sender, ct);
                if (peer is not null)
                {
                    var ours = new LedgerKeyStatement(ledger.VerifierKey, witness.VerifierKey);
                    http.Response.Headers[LedgerKeyStatement.Header] = ours.SignFor(federation, peer);
                }
                var contentType = response.Verdict == WitnessVerdict.Conflict && response.LatestSize is not null ? "text/x.tlog.size" : "text/plain; charset=utf-8";
                return Results.Text(response.Body, contentType, Encoding.UTF8, (int)response.Verdict);
            })
            // The caller is a node, not a user: it is authenticated by the ES256 signature of the
            // Liaison-Ledger-Keys statement against the descriptor we imported out of band, and every
            // refusal is journalled. Routine cosignatures are not: they are kept in witness_state, and
            // journalling them would make two witnessing nodes feed each other new checkpoints forever.
            .AllowAnonymous()
            .WithTags("ledger")
            .WithSummary("C2SP tlog-witness add-checkpoint: cosign a peer's checkpoint after checking consistency with the last one cosigned");
        return app;
    }

    private static IResult Text(int status, string text) => Results.Text(text + "\n", "text/plain; charset=utf-8", Encoding.UTF8, status);

    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBody)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBody)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

}
