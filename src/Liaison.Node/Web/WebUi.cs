using Liaison.Node.Web.Assets;
using Liaison.Node.Web.Cases;
using Liaison.Node.Web.Graph;
using Liaison.Node.Web.Ledger;
using Liaison.Node.Web.Sessions;
using Liaison.Storage.Nodes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Liaison.Node.Web;

/// <summary>
/// The analyst web UI: server-rendered Razor Pages under <c>Web/Pages</c>, signed in with a session
/// cookie next to the API's bearer tokens. Every page reads data through <see cref="Policy.RequestGate"/>
/// exactly as the REST API does, so the policy engine decides and the journal records each view.
/// </summary>
public static class WebUi
{
    /// <summary>
    /// Registers the UI's services. <see cref="ILedgerStatus"/> and <see cref="IGraphMetrics"/> are added
    /// only if the host has not registered its own, so the ledger and analysis pillars can replace them.
    /// </summary>
    public static IServiceCollection AddWebUi(this IServiceCollection services, NodeConfig node)
    {
        ArgumentNullException.ThrowIfNull(node);
        services.AddAuthentication().AddCookie(WebSession.Scheme, WebSession.Configure);
        services.AddAuthorizationBuilder()
            .AddPolicy(WebSession.Policy, p => p.AddAuthenticationSchemes(WebSession.Scheme).RequireAuthenticatedUser())
            .AddPolicy(WebSession.DataPolicy, p => p.AddAuthenticationSchemes(WebSession.Scheme, Accounts.TokenAuthentication.SchemeName).RequireAuthenticatedUser());
        WebSession.AddKeyRing(services, node);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "liaison.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.HeaderName = "X-Liaison-Antiforgery";
        });
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Web/Pages";
            o.Conventions.AuthorizeFolder("/", WebSession.Policy);
            o.Conventions.AllowAnonymousToPage("/Login");
        }).AddMvcOptions(o => o.Filters.Add(new PageSecurityHeaders()));
        services.AddScoped<CasePurposes>();
        services.AddScoped<CaseAccess>();
        services.AddScoped<CaseGraphBuilder>();
        services.TryAddScoped<ILedgerStatus, MerkleLedgerStatus>();
        services.AddScoped<WitnessingStatus>();
        services.TryAddScoped<IGraphMetrics, DegreeMetrics>();
        return services;
    }

    /// <summary>Maps the pages, the embedded assets and the UI's JSON endpoints (graph data, paths).</summary>
    public static WebApplication MapWebUi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapRazorPages();
        app.MapWebAssets();
        app.MapGroup("/web/cases").MapGraphApi().RequireAuthorization(WebSession.DataPolicy);
        return app;
    }
}
