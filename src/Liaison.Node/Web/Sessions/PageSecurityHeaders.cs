using Microsoft.AspNetCore.Mvc.Filters;

namespace Liaison.Node.Web.Sessions;

/// <summary>
/// Headers on every page: case data is never cached by the browser, scripts and styles come only from
/// the node itself (no CDN, no inline script), and no other site may frame the UI.
/// </summary>
internal sealed class PageSecurityHeaders : IResultFilter
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
        "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (context.HttpContext.Response.HasStarted)
        {
            // A handler that streams (import progress) has set its own headers already.
            return;
        }
        var headers = context.HttpContext.Response.Headers;
        // Exactly what antiforgery sets on pages with forms, so it has nothing to override.
        headers.CacheControl = "no-cache, no-store";
        headers.Pragma = "no-cache";
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
