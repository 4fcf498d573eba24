using System.Net.Http.Json;
using Liaison.Core.Requests;
using Liaison.Ledger.Custody;
using Liaison.Storage.Requests;

namespace Liaison.Node.Tests.Requests;

/// <summary>
/// The request endpoints' rows of the authorisation matrix, and the drafts they act on: one in C1 and one
/// in C2 for reading and revising, another pair for withdrawing, each with an evidence file. Actions a draft
/// cannot take (send, approve an incomplete draft, acknowledge) answer 409/422 when the gate permits them,
/// so those rows check only that the gate's answer is right; reading, drafting and revising must succeed.
/// </summary>
internal static class RequestMatrixRows
{
    public const string Purpose = "criminal-investigation";
    private static readonly byte[] EvidenceBytes = "caller,callee,start,duration,cell_id\r\n"u8.ToArray();
    public static readonly string EvidenceSha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(EvidenceBytes));

    public static async Task SeedAsync(RunningNode node)
    {
        var evidence = new EvidenceStore(Path.Combine(node.Node.Config.Directory, "evidence"));
        await evidence.AddAsync(new MemoryStream(EvidenceBytes), CancellationToken.None);
        await using var db = node.Node.Db();
        var store = new RequestStore(db);
        foreach (var id in new[] { "R-C1", "R-C2", "W-C1", "W-C2" })
        {
            var caseId = id[^2..];
            var draft = new DataAccessRequest
            {
                Id = id, Type = RequestType.SubscriberData, CaseId = caseId, DraftedBy = "investigator",
                Requester = new RequestingAuthority(node.Node.Config.NodeId, node.Node.Config.Jurisdiction, node.Node.Config.NodeId),
                Addressee = new Addressee(AddresseeKind.ServiceProvider, "us-telco", "US"),
            };
            await store.AddAsync(draft, RequestDirection.Outgoing, node.Node.Clock.GetUtcNow());
            await store.AddPackageAsync(new EvidencePackageRow
            {
                RequestId = id, Direction = RequestDirection.Incoming, Responder = "us-telco", ManifestJson = "{}", ManifestDigest = "sha256:" + EvidenceSha,
                CreatedAt = node.Node.Clock.GetUtcNow(), Verified = true, CustodyJournalled = true,
                Files = [new EvidenceFileRow { Name = "cdr.csv", MediaType = "text/csv", Sha256 = EvidenceSha, Size = EvidenceBytes.Length }],
            });
        }
    }

    private static bool Reads(string u) => u is "investigator" or "analyst" or "supervisor" or "liaison-officer" or "outsider";
    private static bool Member(string u, string c) => c == "C1" ? u is "investigator" or "analyst" or "supervisor" : u is "outsider";
    private static bool Sees(string u, string c) => Member(u, c) || u == "liaison-officer";
    private static bool Drafts(string u, string c) => u is "investigator" or "supervisor" or "liaison-officer" or "outsider" && Sees(u, c);
    private static bool OwnInvestigator(string u, string c) => (u == "investigator" && c == "C1") || (u == "outsider" && c == "C2");

    private static HttpRequestMessage Get(string url) => new(HttpMethod.Get, url);
    private static HttpRequestMessage Post(string url, object body) => new(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
    private static HttpRequestMessage Put(string url, object body) => new(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
    private static object Draft(string c) => new { caseId = c, purpose = Purpose, type = "SubscriberData", addresseeKind = "ServiceProvider", addresseeId = "us-telco", addresseeJurisdiction = "US" };
    private static object Act(string? text = "because") => new { purpose = Purpose, text };

    /// <summary>(method, pattern, request for a case, who may, whether a permit must succeed).</summary>
    public static IEnumerable<(string Method, string Pattern, Func<string, HttpRequestMessage> Request, Func<string, string, bool> Allowed, bool PermitMeansSuccess)> All()
    {
        yield return ("GET", "/api/requests/", _ => Get("/api/requests?purpose=" + Purpose), (u, _) => Reads(u), true);
        // Only an investigator opens drafts: the gate lets supervisors and the liaison desk draft-request, the workflow then refuses them (403).
        yield return ("POST", "/api/requests/", c => Post("/api/requests", Draft(c)), OwnInvestigator, true);
        yield return ("POST", "/api/requests/follow-up", c => Post("/api/requests/follow-up", new { caseId = c, purpose = Purpose, peer = "nl-politie", session = Guid.NewGuid(), hits = new[] { new { kind = "phone", value = "+447911123456" } } }),
            Drafts, false);
        yield return ("GET", "/api/requests/statistics", _ => Get("/api/requests/statistics"), (u, _) => u is "supervisor" or "dpo" or "admin", true);
        yield return ("GET", "/api/requests/statistics.csv", _ => Get("/api/requests/statistics.csv"), (u, _) => u is "supervisor" or "dpo" or "admin", true);
        yield return ("GET", "/api/requests/{id}", c => Get($"/api/requests/R-{c}?purpose={Purpose}"), (u, c) => Reads(u) && Sees(u, c), true);
        yield return ("PUT", "/api/requests/{id}", c => Put($"/api/requests/R-{c}", Draft(c)), OwnInvestigator, true);
        yield return ("POST", "/api/requests/{id}/submit", c => Post($"/api/requests/R-{c}/submit", Act()), Drafts, false);
        yield return ("POST", "/api/requests/{id}/approve", c => Post($"/api/requests/R-{c}/approve", Act()), (u, c) => u == "supervisor" && c == "C1", false);
        yield return ("POST", "/api/requests/{id}/send-back", c => Post($"/api/requests/R-{c}/send-back", Act()), (u, c) => u == "supervisor" && c == "C1", false);
        yield return ("POST", "/api/requests/{id}/send", c => Post($"/api/requests/R-{c}/send", Act()), Drafts, false);
        yield return ("POST", "/api/requests/{id}/acknowledge", c => Post($"/api/requests/R-{c}/acknowledge", Act()), (u, _) => u == "liaison-officer", false);
        yield return ("POST", "/api/requests/{id}/clarify", c => Post($"/api/requests/R-{c}/clarify", Act()), Drafts, false);
        yield return ("POST", "/api/requests/{id}/respond", c => Post($"/api/requests/R-{c}/respond", new { purpose = Purpose, outcome = "refuse", refusalReason = "NotSeriousCrime", reason = "x" }),
            (u, _) => u == "liaison-officer", false);
        yield return ("POST", "/api/requests/{id}/withdraw", c => Post($"/api/requests/W-{c}/withdraw", Act()), Drafts, false);
        yield return ("GET", "/api/requests/{id}/evidence/{sha256}", c => Get($"/api/requests/R-{c}/evidence/{EvidenceSha}?purpose={Purpose}"), (u, c) => Reads(u) && Sees(u, c), true);
    }
}
