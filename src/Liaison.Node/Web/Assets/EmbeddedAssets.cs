using System.Collections.Concurrent;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace Liaison.Node.Web.Assets;

/// <summary>
/// Serves the UI's stylesheets, scripts and npm libraries from resources embedded in this assembly
/// (see Web/WebUi.targets), so the node needs no wwwroot folder next to whatever executable hosts it.
/// Anonymous, because the sign-in page needs its stylesheet; the files hold no data.
/// </summary>
internal static class EmbeddedAssets
{
    public const string RequestPath = "/assets";
    private const string ResourcePrefix = "Liaison.Web/";
    private static readonly Assembly Assembly = typeof(EmbeddedAssets).Assembly;
    private static readonly ConcurrentDictionary<string, Asset?> Cache = new(StringComparer.Ordinal);

    private sealed record Asset(byte[] Content, string ContentType, string ETag);

    public static void MapWebAssets(this IEndpointRouteBuilder app) =>
        app.MapGet(RequestPath + "/{**path}", (string path, HttpContext http) =>
        {
            if (Find(path) is not { } asset)
            {
                return Results.NotFound();
            }
            http.Response.Headers.CacheControl = "no-cache";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            var etag = new EntityTagHeaderValue(asset.ETag);
            if (http.Request.GetTypedHeaders().IfNoneMatch.Any(t => t.Compare(etag, useStrongComparison: false)))
            {
                http.Response.Headers.ETag = etag.ToString();
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }
            return Results.Bytes(asset.Content, asset.ContentType, entityTag: etag);
        }).AllowAnonymous().ExcludeFromDescription();

    /// <summary>Whether the build embedded an asset (the npm step ran); used by tests and the graph page.</summary>
    public static bool Exists(string path) => Find(path) is not null;

    private static Asset? Find(string path) => Cache.GetOrAdd(path, p =>
    {
        if (p.Contains("..", StringComparison.Ordinal))
        {
            return null;
        }
        using var stream = Assembly.GetManifestResourceStream(ResourcePrefix + p);
        if (stream is null)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        return new Asset(bytes, ContentTypeOf(p), "\"" + Convert.ToHexStringLower(SHA256.HashData(bytes))[..32] + "\"");
    });

    private static string ContentTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".ico" => "image/x-icon",
        _ => "application/octet-stream",
    };
}
