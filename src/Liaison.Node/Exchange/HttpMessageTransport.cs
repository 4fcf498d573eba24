using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Liaison.Exchange.Delivery;
using Liaison.Exchange.Envelopes;
using Liaison.Exchange.Peers;
using Liaison.Node.Federation;

namespace Liaison.Node.Exchange;

/// <summary>
/// Carries an envelope to a peer over HTTP: POST of the compact JWE to the peer's endpoint plus
/// <c>federation/messages</c>; the body of a 200 is the receipt. A refusal names its
/// <see cref="EnvelopeRejection"/>: those that heal once descriptors are exchanged are retried, the
/// others dead-letter the message at once. Network errors, 5xx, 404 (a peer being upgraded), 408 and
/// 429 are retried; any other 4xx will recur and is permanent.
/// </summary>
public sealed class HttpMessageTransport(NodeFederation federation) : IMessageTransport
{
    public async Task<string> SendAsync(Peer recipient, string envelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(envelope);
        var uri = InboxUri(recipient.Descriptor.Endpoint);
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(envelope));
        content.Headers.ContentType = new MediaTypeHeaderValue(ExchangeMessages.JoseMediaType);
        HttpResponseMessage response;
        try
        {
            response = await federation.Http.PostAsync(uri, content, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new MessageTransportException($"{recipient.NodeId} could not be reached ({e.GetType().Name})", inner: e);
        }
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return body;
            }
            var status = (int)response.StatusCode;
            if (Rejection(body) is { } reason)
            {
                throw new MessageTransportException($"{recipient.NodeId} refused the envelope ({reason}, HTTP {status})", permanent: !reason.CanHeal());
            }
            var transient = status >= 500 || status is 404 or 408 or 429;
            throw new MessageTransportException($"{recipient.NodeId} answered HTTP {status}", permanent: !transient);
        }
    }

    /// <summary>The endpoint with a trailing slash, so a path in it is kept (https://hub.example/liaison/ + federation/messages).</summary>
    public static Uri InboxUri(Uri endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var root = endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
        return new Uri(root, ExchangeMessages.InboxPath);
    }

    private static EnvelopeRejection? Rejection(string body)
    {
        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.ValueKind == JsonValueKind.Object
                   && problem.RootElement.TryGetProperty("rejection", out var r) && r.ValueKind == JsonValueKind.String
                   && Enum.TryParse<EnvelopeRejection>(r.GetString(), out var reason)
                ? reason
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
