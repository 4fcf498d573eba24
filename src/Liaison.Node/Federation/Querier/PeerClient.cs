using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Liaison.Exchange.Peers;

namespace Liaison.Node.Federation;

/// <summary>
/// The HTTP leg of a query: POSTs the compact JWE to the endpoint in the peer's descriptor plus
/// <c>federation/psi</c>, returns the compact JWE of a 200, and turns anything else into a
/// <see cref="HitNoHitException"/> carrying the peer's problem (status, type, rule or rejection).
/// </summary>
internal static class PeerClient
{
    public static Task<string> PostQueryAsync(NodeFederation federation, Peer peer, string envelope, CancellationToken ct) =>
        PostAsync(federation, peer, FederationMessages.PsiPath, envelope, ct);

    /// <summary>POSTs an envelope to <paramref name="path"/> under the peer's endpoint (the PSI holder, or a linkage hub).</summary>
    public static async Task<string> PostAsync(NodeFederation federation, Peer peer, string path, string envelope, CancellationToken ct)
    {
        var uri = PathUri(peer.Descriptor.Endpoint, path);
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(envelope));
        content.Headers.ContentType = new MediaTypeHeaderValue(FederationMessages.JoseMediaType);
        HttpResponseMessage response;
        try
        {
            response = await federation.Http.PostAsync(uri, content, ct);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            throw new HitNoHitException(HitNoHitFailure.PeerUnreachable, peer.NodeId, $"{peer.NodeId} could not be reached at {uri}: {e.Message}");
        }
        using (response)
        {
            var body = await ReadCappedAsync(response.Content, federation.Options.MaxEnvelopeBytes, peer.NodeId, ct);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return body;
            }
            throw Refusal(peer.NodeId, response, body);
        }
    }

    /// <summary>The endpoint with a trailing slash, so a path in it is kept (https://hub.example/liaison/ + federation/psi).</summary>
    public static Uri PsiUri(Uri endpoint) => PathUri(endpoint, FederationMessages.PsiPath);

    public static Uri PathUri(Uri endpoint, string path)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var root = endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
        return new Uri(root, path);
    }

    private static HitNoHitException Refusal(string peer, HttpResponseMessage response, string body)
    {
        string? type = null, detail = null, rule = null;
        try
        {
            using var problem = JsonDocument.Parse(body);
            var root = problem.RootElement;
            type = Text(root, "type");
            detail = Text(root, "detail");
            rule = Text(root, "rule") ?? Text(root, "rejection");
        }
        catch (JsonException)
        {
            // Not a problem document (a proxy's page): the status says enough.
        }
        var status = (int)response.StatusCode;
        var failure = status >= 500 && status != 503 ? HitNoHitFailure.PeerUnreachable : HitNoHitFailure.PeerRefused;
        var retry = response.Headers.RetryAfter?.Delta;
        return new HitNoHitException(failure, peer, $"{peer} refused the query ({status}{(rule is null ? "" : ", " + rule)}): {detail ?? response.ReasonPhrase}")
        {
            PeerStatus = status,
            PeerProblemType = type,
            PeerRule = rule,
            RetryAfter = retry,
        };
    }

    private static string? Text(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static async Task<string> ReadCappedAsync(HttpContent content, int max, string peer, CancellationToken ct)
    {
        if (content.Headers.ContentLength > max)
        {
            throw new HitNoHitException(HitNoHitFailure.InvalidAnswer, peer, $"the answer of {peer} is larger than {max.ToString(CultureInfo.InvariantCulture)} bytes");
        }
        await using var stream = await content.ReadAsStreamAsync(ct);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > max)
            {
                throw new HitNoHitException(HitNoHitFailure.InvalidAnswer, peer, $"the answer of {peer} is larger than {max.ToString(CultureInfo.InvariantCulture)} bytes");
            }
            buffer.Write(chunk, 0, read);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
