using Liaison.Exchange;
using Liaison.Exchange.Identity;
using Liaison.Matching.Psi;
using Liaison.Node.Federation.Linkage;
using Liaison.Storage.Nodes;
using Microsoft.Extensions.Options;

namespace Liaison.Node.Federation;

/// <summary>
/// Wires hit/no-hit between nodes into the server: the node's <see cref="NodeFederation"/> (loaded
/// once, at start-up), the holder's <c>POST /federation/psi</c> and the investigator's
/// <c>POST /api/cases/{caseId}/hit-no-hit</c>. Limits bind from configuration: section
/// <c>Exchange</c> (<see cref="ExchangeOptions"/>) and <c>Federation:PsiBudget</c>
/// (<see cref="PsiBudgetOptions"/>), e.g. <c>Federation__PsiBudget__MaxIdentifiersPerDay=20000</c>.
/// A <see cref="KeyPassphrase"/> registered in the container (tests) replaces the one from the environment.
/// </summary>
public static class FederationServices
{
    public static IServiceCollection AddFederation(this IServiceCollection services, NodeConfig node)
    {
        services.AddOptions<ExchangeOptions>().BindConfiguration("Exchange").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PsiBudgetOptions>().BindConfiguration("Federation:PsiBudget").ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var clock = sp.GetRequiredService<TimeProvider>();
            var exchange = sp.GetRequiredService<IOptions<ExchangeOptions>>().Value;
            return NodeFederation.Open(node, clock, sp.GetService<KeyPassphrase>(), exchange, sp.GetRequiredService<IOptions<PsiBudgetOptions>>().Value,
                replay: new DurableReplayCache(node, clock, exchange.ClockSkew));
        });
        services.AddHostedService<BudgetRestore>();
        services.AddOptions<LinkageHubOptions>().BindConfiguration("Federation:LinkageHub").ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<LinkageParticipantOptions>().BindConfiguration("Federation:Linkage");
        services.AddScoped<LinkageRuns>();
        services.AddHostedService<FederationJanitor>();
        services.AddScoped<LinkageParticipant>();
        services.AddScoped<FederationJournal>();
        services.AddScoped<HitNoHitResponder>();
        services.AddScoped<HitNoHitService>();
        return services;
    }

    public static WebApplication MapFederation(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Loaded now rather than on the first query, so a wrong passphrase shows in the log at start-up.
        var federation = app.Services.GetRequiredService<NodeFederation>();
        if (!federation.IsAvailable)
        {
            app.Logger.LogWarning("hit/no-hit between nodes is off: {Reason}", federation.UnavailableReason);
        }
        app.MapPsiEndpoint();
        app.MapHitNoHitApi();
        app.MapLinkageHub();
        app.MapLinkageApi();
        app.MapLinkageHubApi();
        return app;
    }
}
