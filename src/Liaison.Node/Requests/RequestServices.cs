using Liaison.Node.Exchange;
using Liaison.Storage.Nodes;

namespace Liaison.Node.Requests;

/// <summary>Wiring of data-access requests into the node (two lines in NodeHost).</summary>
public static class RequestServices
{
    public static IServiceCollection AddRequests(this IServiceCollection services, NodeConfig node)
    {
        services.AddSingleton(RequestsSettings.Load(node));
        services.AddSingleton<RequestRulebook>();
        services.AddScoped<RequestJournal>();
        services.AddScoped<EvidenceDesk>();
        services.AddScoped<RequestService>();
        services.AddScoped<HitLookup>();
        services.AddScoped<FollowUpDrafting>();
        services.AddInboundMessageHandler<RequestInboxHandler>();
        services.AddSingleton<RequestAftercare>();
        services.AddHostedService(sp => sp.GetRequiredService<RequestAftercare>());
        services.AddSingleton<RequestDeadlineWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<RequestDeadlineWorker>());
        return services;
    }

    public static WebApplication MapRequests(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGroup("/api/requests").WithTags("requests").MapRequestsApi();
        return app;
    }
}
